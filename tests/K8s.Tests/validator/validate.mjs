// Validates a multi-document YAML file rendered by `kubectl kustomize`:
//  1. every object against the Kubernetes OpenAPI schema (kubernetes-models);
//  2. the conventions CapacityHub's manifests promise (probes, limits, hardened
//     security contexts, pinned images, resolvable references, network policies).
// Prints one JSON report on stdout; exits 1 when any error is found.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { checkConventions } from "./conventions.mjs";

const [file, operatorSecretsFile] = process.argv.slice(2);
if (!file) {
  console.error("usage: node validate.mjs RENDERED.yaml [OPERATOR-SECRETS.txt]");
  process.exit(2);
}

const objects = yaml.loadAll(readFileSync(file, "utf8")).filter(o => o != null);
const operatorSecrets = operatorSecretsFile
  ? readFileSync(operatorSecretsFile, "utf8").split(/\r?\n/).map(s => s.trim()).filter(Boolean)
  : [];

const errors = [];
for (const object of objects) {
  const where = `${object.kind}/${object.metadata?.name}`;
  try {
    const Model = await loadModel(object.apiVersion, object.kind);
    new Model(withoutLineBreaksInSecretData(object)).validate();
  } catch (e) {
    errors.push(`${where}: schema: ${e.message}`);
  }
}
errors.push(...checkConventions(objects, operatorSecrets));

const kinds = {};
for (const o of objects) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
console.log(JSON.stringify({ objects: objects.length, kinds, errors }, null, 2));
process.exit(errors.length ? 1 : 0);

// kustomize folds long base64 values over several lines; the API server's decoder
// skips line breaks, but the schema's "byte" format does not, so unfold them first.
function withoutLineBreaksInSecretData(object) {
  if (object.kind !== "Secret" || !object.data) return object;
  const data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, String(v).replace(/\s+/g, "")]));
  return { ...object, data };
}

async function loadModel(apiVersion, kind) {
  if (!apiVersion || !kind) throw new Error("apiVersion and kind are required");
  // Core objects live under "v1"; others under "<group>/<version>".
  const module = `kubernetes-models/${apiVersion}/${kind}`;
  try {
    const loaded = await import(module);
    return loaded[kind];
  } catch {
    throw new Error(`unknown apiVersion/kind ${apiVersion} ${kind}`);
  }
}
