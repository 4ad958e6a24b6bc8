// Evaluates CEL rules the way the API server evaluates a CRD's x-kubernetes-validations, for the tests in
// tests/Entities.Tests/Cel (the 1.20 test API server drops the rules). Install with `npm ci --prefix hack/cel`.
//
// stdin:  [{"rule": "self == oldSelf", "self": <json>, "oldSelf": <json>}, ...]; oldSelf absent on a create.
// stdout: [{"value": true}, {"error": "..."}, ...], one entry per case, in order. A rule that does not parse,
//         fails to evaluate (e.g. a field read without has()) or yields something other than a bool is an
//         error, as the API server would reject or fail it.
import { readFileSync } from "node:fs";
import { celEnv, isCelError, parse, plan } from "@bufbuild/cel";

// Kubernetes binds schema integers as CEL int; JSON.parse gives JS numbers, which the evaluator takes as
// double. The CRD has no `type: number` fields, so every integral number is an int.
const toCel = (value) => {
  if (Number.isInteger(value)) return BigInt(value);
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCel(item)]));
  }
  return value;
};

const env = celEnv();

const evaluate = ({ rule, self, oldSelf }) => {
  let program;
  try {
    program = plan(env, parse(rule));
  } catch (error) {
    return { error: `does not compile: ${error.message}` };
  }
  const bindings = oldSelf === undefined ? { self: toCel(self) } : { self: toCel(self), oldSelf: toCel(oldSelf) };
  const value = program(bindings);
  if (isCelError(value)) return { error: `evaluation failed: ${value.message}` };
  if (typeof value !== "boolean") return { error: `yields ${typeof value}, not bool` };
  return { value };
};

const cases = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map(evaluate)));
