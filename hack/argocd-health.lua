-- Runs an Argo CD health check on one object the way Argo CD does: the object's JSON becomes the global `obj`,
-- the script runs with only the base and table libraries (Argo CD's sandbox for checks from argocd-cm), and the
-- table it returns is printed as {"status":…,"message":…}.
--   kubectl get objectbucket NAME -o json | lua5.1 hack/argocd-health.lua [config/argocd/health.lua]
-- Needs Debian's lua5.1 and lua-dkjson.
local json = require("dkjson")

local script = arg[1] or "config/argocd/health.lua"
local object, _, problem = json.decode(io.read("*a"))
if type(object) ~= "table" then
  error("stdin is not a JSON object: " .. tostring(problem))
end

local sandbox = { obj = object, table = table }
for name, value in pairs(_G) do
  if type(value) == "function" then
    sandbox[name] = value
  end
end
local check = assert(loadfile(script))
setfenv(check, sandbox)

-- Without Argo CD's string library, s:sub() fails too: take the methods away while the check runs.
local strings = getmetatable("")
local methods = strings.__index
strings.__index = nil
local ok, hs = pcall(check)
strings.__index = methods

if not ok then
  error(script .. " failed: " .. tostring(hs))
end
if type(hs) ~= "table" then
  error(script .. " returned " .. type(hs) .. ", Argo CD expects a table")
end
print(json.encode({ status = hs.status, message = hs.message }))
