/** The demo log-ins the README lists (server/src/modules/demo/demo-users.constant.ts seeds them). */
export const DEMO_PASSWORD = 'Recupera-demo-2026';
export const DEMO = {
  admin: 'admin@recupera.demo',
  manager: 'gerente@recupera.demo',
  supervisorNorte: 'supervisor.norte@recupera.demo',
  supervisorSur: 'supervisor.sur@recupera.demo',
  agentNorte: 'agente1@recupera.demo',
  agentSur: 'agente9@recupera.demo',
  cashier: 'caja@recupera.demo',
  field: 'campo@recupera.demo',
} as const;
