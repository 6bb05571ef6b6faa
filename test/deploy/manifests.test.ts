import Ajv from 'ajv';
import { join } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { urlOverride } from '../../gateway/subgraph-urls';
import { AGENCY_NAMES } from '../../subgraphs/agencies';
import { Json } from '../support/graphql';
import {
  entryPointSource,
  read,
  ROOT,
  sourceExists,
  supergraphSubgraphs,
  YamlDocument,
  yamlDocuments,
  yamlFilesUnder,
} from './deploy-files';

/**
 * The Kubernetes manifests under deploy/kubernetes, checked without a cluster: each document
 * against the Kubernetes API's schemas (kubernetes-models, Kubernetes 1.27) or, for CloudNativePG's
 * Cluster, against the schema kept in deploy/crds; then what no schema sees: the references
 * between the resources, the probes, resources and security every pod needs, and secrets.
 */

const MANIFESTS_DIR = 'deploy/kubernetes';
const CNPG_SCHEMA = 'deploy/crds/cnpg-cluster-v1.subset.yaml';

/** The kinds the manifests may use, each with the kubernetes-models class that validates it. */
const MODELS: Record<string, { model: new (data: never) => { validate(): void }; types: string }> =
  {
    'v1/Namespace': { model: Namespace, types: 'kubernetes-models/v1/Namespace#INamespace' },
    'v1/ConfigMap': { model: ConfigMap, types: 'kubernetes-models/v1/ConfigMap#IConfigMap' },
    'v1/Service': { model: Service, types: 'kubernetes-models/v1/Service#IService' },
    'apps/v1/Deployment': {
      model: Deployment,
      types: 'kubernetes-models/apps/v1/Deployment#IDeployment',
    },
    'autoscaling/v2/HorizontalPodAutoscaler': {
      model: HorizontalPodAutoscaler,
      types: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler#IHorizontalPodAutoscaler',
    },
    'policy/v1/PodDisruptionBudget': {
      model: PodDisruptionBudget,
      types: 'kubernetes-models/policy/v1/PodDisruptionBudget#IPodDisruptionBudget',
    },
  };
const CNPG_CLUSTER = 'postgresql.cnpg.io/v1/Cluster';

const typeKey = (doc: { apiVersion?: string; kind?: string }) => `${doc.apiVersion}/${doc.kind}`;
const where = (d: YamlDocument) =>
  `${d.file} #${d.index + 1} (${d.doc?.kind ?? '?'} ${d.doc?.metadata?.name ?? '?'})`;

const kustomization = parse(read(`${MANIFESTS_DIR}/kustomization.yaml`));
const manifestFiles = yamlFilesUnder(MANIFESTS_DIR).filter(
  (f) => !f.endsWith('kustomization.yaml'),
);
const documents = manifestFiles.flatMap((file) => yamlDocuments(file));
const ofKind = (kind: string) => documents.filter((d) => d.doc.kind === kind).map((d) => d.doc);

const deployments = ofKind('Deployment');
const services = ofKind('Service');
const clusters = ofKind('Cluster');
const hpas = ofKind('HorizontalPodAutoscaler');
const pdbs = ofKind('PodDisruptionBudget');
const configMaps = ofKind('ConfigMap');
const containersOf = (deployment: Json) => deployment.spec.template.spec.containers as Json[];
const allContainers = deployments.flatMap((d) =>
  containersOf(d).map((c) => ({ deployment: d.metadata.name as string, container: c })),
);
const envOf = (container: Json): Json[] => container.env ?? [];
const envValue = (container: Json, name: string) =>
  envOf(container).find((e: Json) => e.name === name)?.value as string | undefined;
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);
const deploymentNamed = (name: string) => deployments.find((d) => d.metadata.name === name);

/**
 * Fields the Kubernetes API does not know. The JSON schemas of kubernetes-models let unknown
 * fields through (the API server would reject or drop them), so each document is also type-checked
 * as an object literal of the model's TypeScript interface, where an unknown field is an error.
 */
function unknownFields(docs: YamlDocument[]): string[] {
  const file = join(ROOT, 'test', 'deploy', '__manifests__.ts');
  const lines = docs.map((d, i) => {
    const [module, type] = MODELS[typeKey(d.doc)].types.split('#');
    return `export const doc${i}: import('${module}').${type} = ${JSON.stringify(d.doc)};`;
  });
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f === file || fileExists(f);
  host.readFile = (f) => (f === file ? source : readFile(f));
  host.getSourceFile = (f, language, ...rest) =>
    f === file ? ts.createSourceFile(f, source, language) : getSourceFile(f, language, ...rest);
  const program = ts.createProgram([file], options, host);
  const sourceFile = program.getSourceFile(file)!;
  return ts.getPreEmitDiagnostics(program, sourceFile).map((diagnostic) => {
    const line = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    return `${where(docs[line])}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

describe('Kubernetes manifests: schemas', () => {
  it('applies every manifest file through the kustomization, and nothing else', () => {
    const listed = (kustomization.resources as string[]).map((r) => `${MANIFESTS_DIR}/${r}`);
    expect([...listed].sort()).toEqual(manifestFiles);
    expect(kustomization.kind).toBe('Kustomization');
  });

  it('uses only kinds with a schema here', () => {
    const unknown = documents
      .filter((d) => typeKey(d.doc) !== CNPG_CLUSTER && !MODELS[typeKey(d.doc)])
      .map((d) => `${where(d)}: no schema for ${typeKey(d.doc)} (add its kubernetes-models class)`);
    expect(unknown).toEqual([]);
  });

  it('validates each Kubernetes resource against the Kubernetes API schema', () => {
    const invalid = documents
      .filter((d) => MODELS[typeKey(d.doc)])
      .flatMap((d) => {
        try {
          new MODELS[typeKey(d.doc)].model(d.doc as never).validate();
          return [];
        } catch (err) {
          return [`${where(d)}: ${(err as Error).message}`];
        }
      });
    expect(invalid).toEqual([]);
  });

  it('uses no field the Kubernetes API does not know', () => {
    expect(unknownFields(documents.filter((d) => MODELS[typeKey(d.doc)]))).toEqual([]);
  });

  it("validates each CloudNativePG Cluster against the operator's schema kept in deploy/crds", () => {
    const ajv = new Ajv({ allErrors: true });
    ajv.addKeyword('x-kubernetes-int-or-string');
    const validate = ajv.compile(parse(read(CNPG_SCHEMA)));
    const invalid = documents
      .filter((d) => typeKey(d.doc) === CNPG_CLUSTER)
      .filter((d) => !validate(d.doc))
      .map((d) => `${where(d)}: ${ajv.errorsText(validate.errors, { dataVar: 'cluster' })}`);
    expect(invalid).toEqual([]);
    expect(clusters.length).toBeGreaterThan(0);
  });
});

describe('Kubernetes manifests: the federation', () => {
  it('runs one PostgreSQL cluster per agency, each subgraph on its own', () => {
    for (const agency of AGENCY_NAMES) {
      const cluster = clusters.find((c) => c.spec.bootstrap?.initdb?.database === agency);
      expect({ agency, cluster: cluster?.metadata.name }).toEqual({
        agency,
        cluster: `${agency}-db`,
      });
      expect(cluster.spec.instances).toBeGreaterThanOrEqual(2);
      const container = containersOf(deploymentNamed(agency))[0];
      // The operator writes the owner's connection URI to the Secret <cluster>-app.
      const url = envOf(container).find((e) => e.name === `${agency.toUpperCase()}_DATABASE_URL`);
      expect({ agency, from: url?.valueFrom?.secretKeyRef }).toEqual({
        agency,
        from: { name: `${agency}-db-app`, key: 'uri' },
      });
      expect(envValue(container, 'DATABASE_URL')).toBeUndefined();
    }
  });

  it('holds the four agency files to one shape: only the name and the port differ', () => {
    const port = (agency: string) => envValue(containersOf(deploymentNamed(agency))[0], 'PORT');
    const normalised = (agency: string) =>
      read(`${MANIFESTS_DIR}/${agency}.yaml`)
        .replaceAll(agency, 'agency')
        .replaceAll(agency.toUpperCase(), 'AGENCY')
        .replaceAll(port(agency)!, 'PORT');
    for (const agency of AGENCY_NAMES) {
      expect({ agency, file: normalised(agency) }).toEqual({
        agency,
        file: normalised(AGENCY_NAMES[0]),
      });
    }
    expect(new Set(AGENCY_NAMES.map(port)).size).toBe(AGENCY_NAMES.length);
  });

  it('points the gateway at every subgraph of the supergraph, through its Service', () => {
    const gateway = containersOf(deploymentNamed('gateway'))[0];
    const env = Object.fromEntries(envOf(gateway).map((e) => [e.name, e.value]));
    for (const name of supergraphSubgraphs()) {
      expect({ name, url: urlOverride(name, env) }).toEqual({
        name,
        url: `http://${name}:${envValue(containersOf(deploymentNamed(name))[0], 'PORT')}/graphql`,
      });
    }
    expect(envValue(gateway, 'REDIS_URL')).toMatch(/^redis:\/\/.*@redis:6379\//);
  });

  it('reaches only Services that exist, on ports they expose', () => {
    const broken = allContainers.flatMap(({ deployment, container }) =>
      envOf(container)
        .filter((e) => typeof e.value === 'string' && /^[a-z]+:\/\//.test(e.value))
        .flatMap((e) => {
          const url = new URL(e.value.replace(/\$\([A-Z_]+\)/g, 'x'));
          const service = services.find((s) => s.metadata.name === url.hostname);
          const exposed = service?.spec.ports.some((p: Json) => String(p.port) === url.port);
          return exposed ? [] : [`${deployment}: ${e.name} reaches no Service at ${url.host}`];
        }),
    );
    expect(broken).toEqual([]);
  });

  it('selects with each Service the pods of one Deployment, on a port they name', () => {
    const broken = services.flatMap((s) => {
      const targets = deployments.filter((d) =>
        selects(s.spec.selector, d.spec.template.metadata.labels),
      );
      if (targets.length !== 1) return [`Service ${s.metadata.name} selects ${targets.length}`];
      const ports = containersOf(targets[0]).flatMap((c) =>
        (c.ports ?? []).map((p: Json) => p.name),
      );
      return s.spec.ports
        .filter((p: Json) => !ports.includes(p.targetPort))
        .map((p: Json) => `Service ${s.metadata.name}: no container port named ${p.targetPort}`);
    });
    expect(broken).toEqual([]);
  });

  it('autoscales the gateway and every subgraph, and leaves the replica count to it', () => {
    const scaled = hpas.map((h) => h.spec.scaleTargetRef.name).sort();
    expect(scaled).toEqual(['gateway', ...AGENCY_NAMES].sort());
    for (const hpa of hpas) {
      const target = deploymentNamed(hpa.spec.scaleTargetRef.name);
      expect({ hpa: hpa.metadata.name, kind: hpa.spec.scaleTargetRef.kind }).toEqual({
        hpa: hpa.metadata.name,
        kind: 'Deployment',
      });
      expect({ hpa: hpa.metadata.name, replicas: target?.spec.replicas }).toEqual({
        hpa: hpa.metadata.name,
        replicas: undefined,
      });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps a replica of the gateway and of each subgraph through voluntary disruptions', () => {
    for (const name of ['gateway', ...AGENCY_NAMES]) {
      const pod = deploymentNamed(name).spec.template.metadata.labels;
      const pdb = pdbs.find((p) => selects(p.spec.selector.matchLabels, pod));
      const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === name);
      // minAvailable below the fewest replicas, or a node drain could never evict any of them.
      expect({ name, minAvailable: pdb?.spec.minAvailable }).toEqual({ name, minAvailable: 1 });
      expect(hpa.spec.minReplicas).toBeGreaterThan(pdb.spec.minAvailable);
    }
  });

  it("fits each subgraph's connection pools, at the autoscaler's maximum, in its database", () => {
    // Room left for the operator's own connections, replication and a person with psql.
    const RESERVED = 20;
    const overbooked = AGENCY_NAMES.flatMap((agency) => {
      const poolMax = Number(envValue(containersOf(deploymentNamed(agency))[0], 'PG_POOL_MAX'));
      const pods = hpas.find((h) => h.spec.scaleTargetRef.name === agency).spec.maxReplicas;
      const cluster = clusters.find((c) => c.metadata.name === `${agency}-db`);
      const maxConnections = Number(cluster.spec.postgresql?.parameters?.max_connections);
      const needed = pods * poolMax + RESERVED;
      return needed <= maxConnections
        ? []
        : [`${agency}: ${pods} pods x PG_POOL_MAX ${poolMax} + ${RESERVED} > ${maxConnections}`];
    });
    expect(overbooked).toEqual([]);
  });
});

describe('Kubernetes manifests: every pod', () => {
  it('runs a compiled entry point of this project', () => {
    const missing = allContainers
      .filter(({ container }) => container.image === 'tradegraph')
      .filter(({ container }) => !sourceExists(entryPointSource(container.command) ?? '-'))
      .map(({ deployment, container }) => `${deployment}: ${container.command?.join(' ')}`);
    expect(missing).toEqual([]);
  });

  it('has probes: readiness and liveness, on ports the container names', () => {
    const broken = allContainers.flatMap(({ deployment, container }) => {
      const named = (container.ports ?? []).map((p: Json) => p.name);
      const probes = ['startupProbe', 'readinessProbe', 'livenessProbe'].filter(
        (p) => container[p],
      );
      const problems = ['readinessProbe', 'livenessProbe']
        .filter((p) => !container[p])
        .map((p) => `${deployment}: no ${p}`);
      for (const probe of probes) {
        const port = (container[probe].httpGet ?? container[probe].tcpSocket)?.port;
        if (port !== undefined && !named.includes(port))
          problems.push(
            `${deployment}: ${probe} on port ${port}, which the container does not name`,
          );
      }
      return problems;
    });
    expect(broken).toEqual([]);
  });

  it('requests CPU and memory (the autoscalers measure against them) and caps memory', () => {
    const broken = allContainers
      .filter(({ container: c }) => !c.resources?.requests?.cpu || !c.resources?.requests?.memory)
      .concat(allContainers.filter(({ container: c }) => !c.resources?.limits?.memory))
      .map(({ deployment }) => deployment);
    expect(broken).toEqual([]);
  });

  it('runs as a user without privileges, on a read-only root filesystem', () => {
    const broken = deployments.flatMap((d) => {
      const pod = d.spec.template.spec;
      const problems: string[] = [];
      if (pod.securityContext?.runAsNonRoot !== true) problems.push('runAsNonRoot');
      if (pod.automountServiceAccountToken !== false) problems.push('service account token');
      for (const c of pod.containers) {
        const sc = c.securityContext ?? {};
        if (sc.allowPrivilegeEscalation !== false) problems.push(`${c.name} privilege escalation`);
        if (sc.readOnlyRootFilesystem !== true) problems.push(`${c.name} writable root`);
        if (!sc.capabilities?.drop?.includes('ALL')) problems.push(`${c.name} capabilities`);
      }
      return problems.map((p) => `${d.metadata.name}: ${p}`);
    });
    expect(broken).toEqual([]);
  });

  it('pins every image: ours through the kustomization, others by tag', () => {
    const ours = (kustomization.images ?? []).find((i: Json) => i.name === 'tradegraph');
    expect(ours?.newTag).toMatch(/^(?!latest$)[\w.-]+$/);
    const unpinned = allContainers
      .map(({ container }) => container.image as string)
      .filter((image) => image !== 'tradegraph' && !/:(?!latest$)[\w.-]+$/.test(image));
    expect(unpinned).toEqual([]);
  });

  it('defines each $(VAR) an env value or argument refers to, earlier in the container', () => {
    const broken = allContainers.flatMap(({ deployment, container }) => {
      const defined: string[] = [];
      const problems: string[] = [];
      const check = (text: string, what: string) => {
        for (const [, name] of text.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
          if (!defined.includes(name)) problems.push(`${deployment}: ${what} uses $(${name})`);
        }
      };
      for (const e of envOf(container)) {
        if (typeof e.value === 'string') check(e.value, e.name);
        defined.push(e.name);
      }
      for (const arg of container.args ?? []) check(String(arg), 'args');
      return problems;
    });
    expect(broken).toEqual([]);
  });
});

describe('Kubernetes manifests: secrets', () => {
  const secretRefs = allContainers.flatMap(({ deployment, container }) =>
    envOf(container)
      .filter((e) => e.valueFrom?.secretKeyRef)
      .map((e) => ({ deployment, ...e.valueFrom.secretKeyRef })),
  );

  it('commits no Secret and no secret value', () => {
    expect(documents.filter((d) => d.doc.kind === 'Secret').map(where)).toEqual([]);
    const literal = allContainers.flatMap(({ deployment, container }) =>
      envOf(container)
        .filter((e) => typeof e.value === 'string')
        .filter(
          (e) => /PASSWORD|SECRET|TOKEN|_KEY$/.test(e.name) || /:\/\/[^/@]*:[^/@$]+@/.test(e.value),
        )
        .map((e) => `${deployment}: ${e.name}`),
    );
    expect(literal).toEqual([]);
  });

  it("reads each secret from its database cluster's Secret or one the guide says how to create", () => {
    const guide = read('docs/deployment.md');
    const created = (ref: { name: string; key: string }) =>
      new RegExp(`create secret generic ${ref.name} [^\\n]*--from-literal=${ref.key}=`).test(guide);
    const unexplained = secretRefs
      .filter((ref) => !clusters.some((c) => ref.name === `${c.metadata.name}-app`))
      .filter((ref) => !created(ref))
      .map((ref) => `${ref.deployment}: Secret ${ref.name} (key ${ref.key})`);
    expect(unexplained).toEqual([]);
    expect(secretRefs.length).toBeGreaterThan(0);
  });

  it('refers only to ConfigMaps and keys the manifests define', () => {
    const missing = allContainers.flatMap(({ deployment, container }) =>
      envOf(container)
        .map((e) => e.valueFrom?.configMapKeyRef)
        .filter(Boolean)
        .filter((ref: Json) => {
          const map = configMaps.find((m) => m.metadata.name === ref.name);
          return map?.data?.[ref.key] === undefined;
        })
        .map((ref: Json) => `${deployment}: ConfigMap ${ref.name} key ${ref.key}`),
    );
    expect(missing).toEqual([]);
  });
});
