#!/usr/bin/env node
// Runs s3rver on loopback with an admin endpoint, so the Latitude simulator can hand out real,
// distinct S3 credentials: s3rver only accepts key pairs registered in its own process.
//   node s3-server.js --directory DIR [--port N] [--admin-port N]
// Prints one JSON line when ready: {"s3": <port>, "admin": <port>}.
//   POST   /keys                 {"accessKeyId": "...", "secretAccessKey": "..."}  registers a key pair
//   DELETE /keys/<id>            revokes it
//   PUT    /faults/versioning    {"code", "message", "status", "bucketName"?}  PutBucketVersioning (of that
//                                bucket, or of any) is refused with this S3 error
//   DELETE /faults/versioning    accepts it again
// s3rver 3.7.1 answers NotImplemented to GET/PUT /<bucket>?versioning; this wrapper answers them itself
// (status kept in memory per bucket), behind s3rver's own authentication and bucket check.
'use strict';

const http = require('http');
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account');
const router = require('s3rver/lib/routes');
const { bucketExists } = require('s3rver/lib/controllers/bucket');
const S3Error = require('s3rver/lib/models/error');
const { utf8BodyParser } = require('s3rver/lib/utils');

const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const versioningStatus = new Map(); // bucket name -> 'Enabled' | 'Suspended'; absent: never configured
let versioningRefusal = null;

// The query itself, not s3rver's ctx.params.queryMethod: the SDK sends "/bucket/?versioning", whose trailing
// slash s3rver's query-method layer does not match.
async function bucketVersioning(ctx, next) {
  if (!('versioning' in ctx.query)) return next();
  await bucketExists(ctx);
  const bucket = ctx.params.bucket;
  if (ctx.method === 'GET') {
    const status = versioningStatus.get(bucket);
    ctx.body = { VersioningConfiguration: { '@': { xmlns: S3_XMLNS }, ...(status ? { Status: status } : {}) } };
    return;
  }
  const refusal = versioningRefusal;
  if (refusal && (!refusal.bucketName || refusal.bucketName === bucket)) {
    const error = new S3Error(refusal.code, refusal.message, { BucketName: bucket });
    if (refusal.status) error.status = refusal.status;
    throw error;
  }
  await utf8BodyParser(ctx);
  const match = /<Status>\s*(Enabled|Suspended)\s*<\/Status>/.exec(ctx.request.body);
  if (!match) {
    throw new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
  }
  versioningStatus.set(bucket, match[1]);
  ctx.body = '';
}

// A bucket deleted and created again starts unversioned, as on S3.
async function forgetVersioningOnDelete(ctx, next) {
  await next();
  if (Object.keys(ctx.query).length === 0) versioningStatus.delete(ctx.params.bucket);
}

// Runs inside the matched /:bucket route, after authentication, before s3rver's handler.
for (const layer of router.stack) {
  if (layer.path !== '/:bucket') continue;
  const handler = layer.stack.length - 1;
  if (layer.methods.includes('GET') || layer.methods.includes('PUT')) layer.stack.splice(handler, 0, bucketVersioning);
  if (layer.methods.includes('DELETE')) layer.stack.splice(handler, 0, forgetVersioningOnDelete);
}

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
    } else if (req.method === 'PUT' && req.url === '/faults/versioning') {
      const { code, message, status, bucketName } = await readJson(req);
      if (!code || !message) throw new Error('code and message are required');
      versioningRefusal = { code, message, status, bucketName };
      res.writeHead(204).end();
    } else if (req.method === 'DELETE' && req.url === '/faults/versioning') {
      versioningRefusal = null;
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
