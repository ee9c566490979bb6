import type { PhoneLineConfig } from '../../../core/config.ts';
import type { AgentActor, Services } from '../../../core/context.ts';
import { Conflict, NotFound } from '../../../core/errors.ts';
import { agents } from '../../teams/index.ts';
import { workspaces } from '../../workspaces/index.ts';
import { janusToken } from './janusToken.ts';
import { dialableNumber, sipAddressOf } from './phoneNumbers.ts';

/** How long an agent's Janus token lasts; the agent app asks again when it reconnects. */
const JANUS_TOKEN_TTL_SECONDS = 12 * 3600;

export interface AgentPhoneLine {
  janusUrl: string;
  token: string;
  expiresAt: Date;
  account: { username: string; proxy: string; secret: string; displayName: string };
}

/**
 * What an agent's browser needs to join the phone line: Janus's address, a token for it, and the line's SIP
 * account. Every agent registers the same line user, so an inbound call rings every agent on the line at once and
 * the first to answer takes it (the SIP proxy cancels the others).
 */
export async function phoneLineFor(services: Services, actor: AgentActor): Promise<AgentPhoneLine | null> {
  const line = services.config.phoneLine;
  if (!line) return null;
  const agent = await agents.byId(services.db, actor.workspaceId, actor.agentId);
  if (!agent) throw new NotFound('Agent');
  const { token, expiresAt } = janusToken(line.janusTokenSecret, JANUS_TOKEN_TTL_SECONDS, services.now());
  return {
    janusUrl: line.janusUrl,
    token,
    expiresAt,
    account: {
      username: `sip:${line.lineUser}@${line.sipDomain}`,
      proxy: line.sipProxy,
      secret: line.lineSecret,
      displayName: agent.displayName,
    },
  };
}

/** The SIP address an agent's browser calls to ring `number` (in E.164, read in the workspace's country). */
export async function dialNumber(services: Services, actor: AgentActor, input: string): Promise<{ number: string; uri: string }> {
  const line = requireLine(services.config.phoneLine);
  const workspace = await workspaces.byId(services.db, actor.workspaceId);
  if (!workspace) throw new NotFound('Workspace');
  const number = dialableNumber(input, workspace.phoneCountry);
  return { number, uri: sipAddressOf(number, line.sipDomain) };
}

function requireLine(line: PhoneLineConfig | null): PhoneLineConfig {
  if (!line) throw new Conflict('This Warmline has no phone line yet: an admin connects one as docs/phone-lines.md describes.');
  return line;
}
