// The deployment conventions of CapacityHub (see k8s/README.md), checked on rendered
// objects. Each rule returns readable messages naming the object and the field.

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job"]);
const LONG_RUNNING = new Set(["Deployment", "StatefulSet", "DaemonSet"]);

export function checkConventions(objects, operatorSecrets) {
  const errors = [];
  const byKind = kind => objects.filter(o => o.kind === kind);
  const named = (kind, name) => objects.find(o => o.kind === kind && o.metadata?.name === name);
  const workloads = objects.filter(o => WORKLOADS.has(o.kind));
  const secretNames = new Set([...byKind("Secret").map(s => s.metadata.name), ...operatorSecrets]);

  for (const w of workloads) {
    const where = `${w.kind}/${w.metadata.name}`;
    const pod = w.spec?.template?.spec ?? {};
    const podSecurity = pod.securityContext ?? {};
    const containers = pod.containers ?? [];
    const all = [...(pod.initContainers ?? []), ...containers];

    if (pod.serviceAccountName && !named("ServiceAccount", pod.serviceAccountName)) {
      errors.push(`${where}: serviceAccountName ${pod.serviceAccountName} is not defined`);
    }
    if (podSecurity.seccompProfile?.type !== "RuntimeDefault") {
      errors.push(`${where}: pod securityContext.seccompProfile.type must be RuntimeDefault`);
    }
    for (const c of all) {
      const at = `${where} container ${c.name}`;
      errors.push(...checkImage(at, c.image));
      errors.push(...checkResources(at, c.resources));
      errors.push(...checkSecurity(at, c.securityContext ?? {}, podSecurity));
      errors.push(...checkReferences(at, c, pod, secretNames, named));
    }
    if (LONG_RUNNING.has(w.kind)) {
      for (const c of containers) {
        errors.push(...checkProbes(`${where} container ${c.name}`, c));
      }
    }
  }

  errors.push(...checkServices(objects, workloads));
  errors.push(...checkAvailability(objects));
  errors.push(...checkNetworkPolicies(objects, workloads));
  for (const ingress of byKind("Ingress")) {
    if (!(ingress.spec?.tls?.length > 0)) errors.push(`Ingress/${ingress.metadata.name}: TLS is required`);
  }
  return errors;
}

function checkImage(at, image) {
  if (!image) return [`${at}: image is missing`];
  if (image.includes("@sha256:")) return [];
  const lastSegment = image.split("/").pop();
  const tag = lastSegment.includes(":") ? lastSegment.split(":").pop() : "";
  if (!tag) return [`${at}: image ${image} is not pinned by tag`];
  if (tag === "latest") return [`${at}: image ${image} uses the floating tag latest`];
  return [];
}

function checkResources(at, resources) {
  const errors = [];
  for (const kind of ["requests", "limits"]) {
    for (const resource of ["cpu", "memory"]) {
      if (resources?.[kind]?.[resource] === undefined) errors.push(`${at}: resources.${kind}.${resource} is missing`);
    }
  }
  return errors;
}

function checkSecurity(at, sc, podSc) {
  const errors = [];
  if (sc.allowPrivilegeEscalation !== false) errors.push(`${at}: securityContext.allowPrivilegeEscalation must be false`);
  if (sc.readOnlyRootFilesystem !== true) errors.push(`${at}: securityContext.readOnlyRootFilesystem must be true`);
  if (sc.privileged === true) errors.push(`${at}: securityContext.privileged must not be true`);
  if (!(sc.capabilities?.drop ?? []).includes("ALL")) errors.push(`${at}: securityContext.capabilities.drop must include ALL`);
  if ((sc.capabilities?.add ?? []).length > 0) errors.push(`${at}: securityContext.capabilities.add must be empty`);
  const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
  if (nonRoot !== true) errors.push(`${at}: runAsNonRoot must be true (pod or container)`);
  const uid = sc.runAsUser ?? podSc.runAsUser;
  if (uid === 0) errors.push(`${at}: runAsUser must not be 0`);
  return errors;
}

function checkProbes(at, container) {
  const errors = [];
  for (const probe of ["readinessProbe", "livenessProbe"]) {
    const p = container[probe];
    if (!p) {
      errors.push(`${at}: ${probe} is missing`);
      continue;
    }
    const port = p.grpc?.port ?? p.httpGet?.port ?? p.tcpSocket?.port;
    if (port !== undefined && !containerHasPort(container, port)) {
      errors.push(`${at}: ${probe} uses port ${port}, which the container does not expose`);
    }
  }
  return errors;
}

function containerHasPort(container, port) {
  return (container.ports ?? []).some(p => p.containerPort === port || p.name === port);
}

function checkReferences(at, container, pod, secretNames, named) {
  const errors = [];
  for (const env of container.env ?? []) {
    const secret = env.valueFrom?.secretKeyRef?.name;
    if (secret && !secretNames.has(secret)) errors.push(`${at}: env ${env.name} refers to unknown Secret ${secret}`);
    const config = env.valueFrom?.configMapKeyRef?.name;
    if (config && !named("ConfigMap", config)) errors.push(`${at}: env ${env.name} refers to unknown ConfigMap ${config}`);
  }
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef && !named("ConfigMap", from.configMapRef.name)) {
      errors.push(`${at}: envFrom refers to unknown ConfigMap ${from.configMapRef.name}`);
    }
    if (from.secretRef && !secretNames.has(from.secretRef.name)) {
      errors.push(`${at}: envFrom refers to unknown Secret ${from.secretRef.name}`);
    }
  }
  const volumes = new Map((pod.volumes ?? []).map(v => [v.name, v]));
  for (const mount of container.volumeMounts ?? []) {
    const volume = volumes.get(mount.name);
    if (!volume && !isClaimTemplate(mount.name)) errors.push(`${at}: volumeMount ${mount.name} has no volume`);
    if (volume?.secret && !secretNames.has(volume.secret.secretName)) {
      errors.push(`${at}: volume ${mount.name} refers to unknown Secret ${volume.secret.secretName}`);
    }
    if (volume?.configMap && !named("ConfigMap", volume.configMap.name)) {
      errors.push(`${at}: volume ${mount.name} refers to unknown ConfigMap ${volume.configMap.name}`);
    }
  }
  return errors;

  function isClaimTemplate(name) {
    return name === "data";
  }
}

function selects(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}

function checkServices(objects, workloads) {
  const errors = [];
  for (const service of objects.filter(o => o.kind === "Service")) {
    const where = `Service/${service.metadata.name}`;
    const targets = workloads.filter(w => selects(service.spec?.selector, w.spec?.template?.metadata?.labels));
    if (targets.length === 0) {
      errors.push(`${where}: selector matches no workload`);
      continue;
    }
    for (const port of service.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const exposed = targets.some(w => (w.spec.template.spec.containers ?? []).some(c => containerHasPort(c, target)));
      if (!exposed) errors.push(`${where}: port ${port.name} targets ${target}, which no selected container exposes`);
    }
  }
  // gRPC services are headless so clients can spread calls over every pod.
  for (const w of workloads.filter(w => w.spec?.template?.metadata?.labels?.["capacityhub.org/tier"] === "service")) {
    const service = objects.find(o => o.kind === "Service" && selects(o.spec?.selector, w.spec.template.metadata.labels));
    if (service && service.spec.clusterIP !== "None") {
      errors.push(`Service/${service.metadata.name}: must be headless (clusterIP: None) for client-side gRPC load balancing`);
    }
  }
  return errors;
}

function checkAvailability(objects) {
  const errors = [];
  const deployments = objects.filter(o => o.kind === "Deployment" && o.metadata?.labels?.["app.kubernetes.io/part-of"] === "capacityhub");
  for (const d of deployments) {
    const labels = d.spec.template.metadata.labels;
    const pdb = objects.find(o => o.kind === "PodDisruptionBudget" && selects(o.spec?.selector?.matchLabels, labels));
    if (!pdb) errors.push(`Deployment/${d.metadata.name}: no PodDisruptionBudget selects it`);
    const hpa = objects.find(o => o.kind === "HorizontalPodAutoscaler" && o.spec?.scaleTargetRef?.kind === "Deployment" && o.spec.scaleTargetRef.name === d.metadata.name);
    if (!hpa) errors.push(`Deployment/${d.metadata.name}: no HorizontalPodAutoscaler targets it`);
    else if (hpa.spec.minReplicas > hpa.spec.maxReplicas) errors.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: minReplicas exceeds maxReplicas`);
    if (!objects.some(o => o.kind === "ConfigMap" && o.metadata.name === d.metadata.name)) {
      errors.push(`Deployment/${d.metadata.name}: no ConfigMap of the same name`);
    }
  }
  return errors;
}

function checkNetworkPolicies(objects, workloads) {
  const errors = [];
  const policies = objects.filter(o => o.kind === "NetworkPolicy");
  const defaultDeny = policies.find(p => Object.keys(p.spec?.podSelector ?? {}).length === 0
    && (p.spec.policyTypes ?? []).includes("Ingress") && (p.spec.policyTypes ?? []).includes("Egress")
    && !p.spec.ingress && !p.spec.egress);
  if (!defaultDeny) errors.push("NetworkPolicy: a default-deny policy for ingress and egress is required");
  for (const w of workloads) {
    const labels = w.spec?.template?.metadata?.labels ?? {};
    const own = policies.filter(p => p !== defaultDeny && selectsPod(p.spec?.podSelector, labels));
    if (own.length === 0) errors.push(`${w.kind}/${w.metadata.name}: no NetworkPolicy opens any traffic for it`);
  }
  return errors;
}

function selectsPod(podSelector, labels) {
  if (!podSelector) return false;
  const matchLabels = podSelector.matchLabels ?? {};
  const expressions = podSelector.matchExpressions ?? [];
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return true;
  return selects(matchLabels, labels) && expressions.every(e => {
    const value = labels[e.key];
    switch (e.operator) {
      case "In": return e.values.includes(value);
      case "NotIn": return !e.values.includes(value);
      case "Exists": return value !== undefined;
      case "DoesNotExist": return value === undefined;
      default: return false;
    }
  });
}
