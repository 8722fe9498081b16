/**
 * The directory: people, agencies and partnerships, as stored and as imported. One schema
 * per kind; the directory import reuses them, so what is stored has always passed them.
 */
import { z } from 'zod';

const id = z.string().trim().min(1);
const ids = z.array(id).default([]);

export const PersonSchema = z.object({
  /** Entra (AAD) object id. */
  id,
  name: z.string().trim().min(1),
  email: z.email(),
  /** Job title as people know it, e.g. "Social Worker". */
  role: z.string().trim().min(1),
  agencyId: id,
  lineManagerId: id.optional(),
  phone: z.string().trim().min(1).optional(),
  /** True once the person has the bot installed, so proactive messages reach them. */
  reachable: z.boolean().default(false),
});
export type Person = z.infer<typeof PersonSchema>;
export type PersonInput = z.input<typeof PersonSchema>;

export const AgencySchema = z.object({
  id,
  name: z.string().trim().min(1),
  partnershipId: id,
  safeguardingLeadIds: ids,
  headOfServiceIds: ids,
  directorIds: ids,
  seniorManagerIds: ids,
  serviceManagerIds: ids,
});
export type Agency = z.infer<typeof AgencySchema>;
export type AgencyInput = z.input<typeof AgencySchema>;

export const ChallengeChannelSchema = z.object({
  teamId: id,
  channelId: id,
  /** Defaults to the service URL of the turn that raised the challenge (one per tenant region). */
  serviceUrl: z.url().optional(),
});
export type ChallengeChannel = z.infer<typeof ChallengeChannelSchema>;

export const PartnershipSchema = z.object({
  id,
  name: z.string().trim().min(1),
  /** A procedure id from src/procedures/data. */
  procedureId: id,
  businessUnitIds: ids,
  executiveIds: ids,
  coordinatorIds: ids,
  boardRepresentativeIds: ids,
  /** The Teams channel where each challenge gets its thread. */
  challengeChannel: ChallengeChannelSchema.optional(),
});
export type Partnership = z.infer<typeof PartnershipSchema>;
export type PartnershipInput = z.input<typeof PartnershipSchema>;
