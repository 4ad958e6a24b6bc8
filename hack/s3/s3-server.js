#!/usr/bin/env node
// Runs s3rver on loopback with an admin endpoint, so the Latitude simulator can hand out real,
// distinct S3 credentials: s3rver only accepts key pairs registered in its own process.
//   node s3-server.js --directory DIR [--port N] [--admin-port N]
// Prints one JSON line when ready: {"s3": <port>, "admin": <port>}.
//   POST   /keys            {"accessKeyId": "...", "secretAccessKey": "..."}  registers a key pair
//   DELETE /keys/<id>       revokes it
'use strict';

const http = require('http');
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const directory = option('directory');
if (!directory) {
  console.error('usage: s3-server.js --directory DIR [--port N] [--admin-port N]');
  process.exit(2);
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(body || '{}'));
      } catch (e) {
        reject(e);
      }
    });
  });
}

async function admin(req, res) {
  try {
    if (req.method === 'POST' && req.url === '/keys') {
      const { accessKeyId, secretAccessKey } = await readJson(req);
      if (!accessKeyId || !secretAccessKey) throw new Error('accessKeyId and secretAccessKey are required');
      AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
      res.writeHead(204).end();
    } else if (req.method === 'DELETE' && req.url.startsWith('/keys/')) {
      AWSAccount.DUMMY_ACCOUNT.revokeAccessKey(decodeURIComponent(req.url.slice('/keys/'.length)));
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  } catch (e) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(String(e.message));
  }
}

(async () => {
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: Number(option('port', 0)),
    directory,
    silent: true,
    vhostBuckets: false,
  });
  const { port } = await s3.run();
  const adminServer = http.createServer(admin);
  adminServer.listen(Number(option('admin-port', 0)), '127.0.0.1', () => {
    console.log(JSON.stringify({ s3: port, admin: adminServer.address().port }));
  });
  const stop = () => s3.close(() => adminServer.close(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Exit with the parent: the simulator holds our stdin open for as long as it lives.
  process.stdin.on('end', stop);
  process.stdin.resume();
})().catch(e => {
  console.error(e);
  process.exit(1);
});
