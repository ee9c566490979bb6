import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the realtime gateway counts. */
export interface GatewayMetrics {
  connections(kind: 'agent' | 'visitor', delta: number): void;
  frame(type: string): void;
}

/** Prometheus metrics for /metrics: process defaults, HTTP latency, sockets and frames. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'warmline_' });
  const httpDuration = new Histogram({
    name: 'warmline_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const sockets = new Gauge({
    name: 'warmline_websocket_connections',
    help: 'Open WebSocket connections by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const frames = new Counter({
    name: 'warmline_websocket_frames_total',
    help: 'WebSocket frames received by type',
    labelNames: ['type'],
    registers: [registry],
  });
  const gateway: GatewayMetrics = {
    connections: (kind, delta) => sockets.inc({ kind }, delta),
    frame: (type) => frames.inc({ type }),
  };
  return { registry, httpDuration, gateway };
}
