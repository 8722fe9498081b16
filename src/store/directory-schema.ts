/**
 * The directory: people, agencies and partnerships, as stored and as imported. One schema
 * per kind; the directory import reuses them, so what is stored has always passed them.
 */
import { z } from 'zod';

const id = z.string().trim().min(1);
const ids = z.array(id).default([]);

/**
 * How a person takes part (docs/tenancy.md): `teams`, a member of the host tenant; `guest`, a
 * guest account in the host tenant (their id is the guest's object id there); `sharedChannel`,
 * a member of another tenant who sees the partnership's shared channel but cannot have a 1:1
 * chat with the bot; `email`, not in Teams at all. The last two get notices by email.
 */
export const ReachSchema = z.enum(['teams', 'guest', 'sharedChannel', 'email']);
export type Reach = z.infer<typeof ReachSchema>;

export const PersonSchema = z.object({
  /** Entra (AAD) object id in the host tenant (a guest's object id for guests). */
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
  reach: ReachSchema.default('teams'),
  /** The tenant a guest or shared-channel member belongs to, when it is not the host's. */
  homeTenantId: z.uuid('must be a tenant id (a GUID)').optional(),
  /**
   * Set when a re-import no longer lists them: the row is kept (challenges name them), but a
   * retired person is offered to nobody and resolved to no new challenge.
   */
  retiredAt: z.iso.datetime({ offset: true }).optional(),
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
  /**
   * What an email notice may carry beyond the case reference, stage, deadline and contact:
   * `areas` adds the areas of disagreement (the procedure's list, never typed text).
   */
  emailDetail: z.enum(['reference', 'areas']).default('reference'),
});
export type Partnership = z.infer<typeof PartnershipSchema>;
export type PartnershipInput = z.input<typeof PartnershipSchema>;

/**
 * A challenge held by someone who has left (set by a directory re-import): the business unit
 * hands it over. Shown by case reference only (COM-2); cleared when the person no longer holds it.
 */
export const HandOverFlagSchema = z.object({
  challengeId: id,
  caseReference: z.string().min(1),
  procedureId: id,
  /** The partnership whose business unit hands it over (the one running the challenge's procedure). */
  partnershipId: id.optional(),
  personId: id,
  personName: z.string().min(1),
  /** "raiser", "raisedWith" and the owner roles (e.g. "receiving.lineManager") they still hold. */
  roles: z.array(z.string().min(1)).min(1),
  flaggedAt: z.iso.datetime({ offset: true }),
});
export type HandOverFlag = z.infer<typeof HandOverFlagSchema>;
