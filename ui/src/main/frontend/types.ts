// The JSON documents of the dashboard API (docs/api/README.md), as TypeScript types.

export interface Cpu {
  requestedMillis: number;
  allocatableMillis: number;
}
export interface Memory {
  requestedBytes: number;
  allocatableBytes: number;
}

export interface ClusterSummary {
  cluster: string;
  generatedAt: string;
  nodes: { total: number; ready: number; cordoned: number };
  cpu: Cpu;
  memory: Memory;
  podSlots: { used: number; allocatable: number };
  pods: { total: number; Pending: number; Running: number; Succeeded: number; Failed: number; Unknown: number };
  workloads: { total: number; healthy: number; progressing: number; degraded: number };
  unschedulablePods: number;
  warningEventsLastHour: number;
}

export interface ClusterEntry {
  name: string;
  server: string;
  version: string;
  sandbox: boolean;
  status: "connected" | "unreachable";
  error?: string;
  summary?: ClusterSummary;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Node {
  name: string;
  ready: boolean;
  cordoned: boolean;
  taints: Taint[];
  pool?: string;
  createdAt: string;
  roles: string[];
  internalIp?: string;
  kubeletVersion?: string;
  cpu: Cpu;
  memory: Memory;
  pods: { used: number; allocatable: number };
}

export type Health = "healthy" | "progressing" | "degraded";

export interface Workload {
  kind: "Deployment" | "ReplicaSet" | "ReplicationController";
  namespace: string;
  name: string;
  desired: number;
  current: number;
  ready: number;
  available: number;
  updated: number;
  images: Record<string, string>;
  health: Health;
  healthReason?: string;
  owner?: string;
  createdAt: string;
  lastRollout?: { id: string; outcome: Outcome; startedAt: string; imageAfter: string };
}

export interface Service {
  namespace: string;
  name: string;
  type: string;
  clusterIp?: string;
  ports: { port: number; targetPort: number | string; protocol: string; name?: string }[];
  selector: Record<string, string>;
  readyEndpoints: number;
  totalEndpoints: number;
  pods: { name: string; ready: boolean; podIp?: string; node?: string; images: string[] }[];
}

export type Phase = "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";

export interface Pod {
  namespace: string;
  name: string;
  phase: Phase;
  ready: boolean;
  restarts: number;
  node?: string;
  podIp?: string;
  images: string[];
  workload?: string;
  createdAt: string;
  unschedulable: boolean;
  notReadyReason?: string;
}

export interface ClusterEvent {
  namespace: string;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  object: string;
  count: number;
  lastSeen: string;
}

export type Outcome = "RUNNING" | "SUCCEEDED" | "FAILED" | "ROLLED_BACK" | "INTERRUPTED";

export interface DeploymentRecord {
  id: string;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  container?: string;
  imageBefore: string;
  imageAfter: string;
  imageRequested?: string | null;
  strategy: string;
  parameters: Record<string, string>;
  trigger: "build" | "webhook" | "user" | "cli";
  triggeredBy: string;
  startedAt: string;
  finishedAt?: string;
  outcome: Outcome;
  reason?: string;
}

export interface DeploymentEvent {
  sequence: number;
  time: string;
  type: "step" | "replicas" | "pod-problem" | "rollback" | "finished";
  message: string;
}

export interface RolloutStart {
  cluster: string;
  namespace: string;
  kind: "Deployment" | "ReplicationController";
  name: string;
  container?: string;
  image: string;
  maxSurge?: string;
  maxUnavailable?: string;
  timeoutSeconds?: number;
}

export type RolloutState = "RUNNING" | "ABORTING" | "SUCCEEDED" | "FAILED" | "ROLLED_BACK";

export interface RolloutStep {
  time: string;
  oldName: string;
  oldReplicas: number;
  oldReady: number;
  newName: string;
  newReplicas: number;
  newReady: number;
  newAvailable: number;
  desired: number;
}

export interface Rollout {
  id: string;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  container?: string;
  image: string;
  imageBefore: string;
  action: "deploy" | "rollback";
  triggeredBy: string;
  startedAt: string;
  finishedAt?: string;
  state: RolloutState;
  reason?: string;
  steps: RolloutStep[];
  events: DeploymentEvent[];
}

export interface ClusterChange {
  cluster: string;
  kinds: string[];
}
