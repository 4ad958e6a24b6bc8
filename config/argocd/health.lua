-- Argo CD health of a storage.latitude.sh/ObjectBucket, read from its Ready condition.
-- Healthy: Ready=True for the current generation. Degraded: Ready=False for the current generation (a person
-- or an outside change must act; the message says what). Progressing: anything else, including a spec change
-- the operator has not seen yet, so a fix pushed through Git never shows the previous generation's verdict.
-- Argo CD runs checks from argocd-cm with only the base and table libraries: no string, no math.
local hs = {}

local function verdict(status, message)
  hs.status = status
  hs.message = message
  return hs
end

local function describe(condition)
  if condition.reason ~= nil and condition.message ~= nil then
    return condition.reason .. ": " .. condition.message
  end
  return condition.message or condition.reason or ("Ready is " .. tostring(condition.status))
end

-- Numbers may reach the script as numbers or as strings, depending on how Argo CD decoded the object.
local generation = tonumber(obj.metadata.generation)
local function seen(observed)
  return generation == nil or tonumber(observed) == generation
end
local waiting = "waiting for the operator to observe generation " .. tostring(generation)

if obj.status == nil then
  return verdict("Progressing", "waiting for the operator to report status")
end
if not seen(obj.status.observedGeneration) then
  return verdict("Progressing", waiting)
end

local ready = nil
for _, condition in ipairs(obj.status.conditions or {}) do
  if condition.type == "Ready" then
    ready = condition
  end
end
if ready == nil then
  return verdict("Progressing", "waiting for the Ready condition")
end
if ready.observedGeneration ~= nil and not seen(ready.observedGeneration) then
  return verdict("Progressing", waiting)
end

if ready.status == "True" then
  return verdict("Healthy", describe(ready))
end
if ready.status == "False" then
  return verdict("Degraded", describe(ready))
end
return verdict("Progressing", describe(ready))
