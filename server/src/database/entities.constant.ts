import { AccountAssignment } from '../modules/accounts/account-assignment.entity';
import { Account } from '../modules/accounts/account.entity';
import { ContactPoint } from '../modules/accounts/contact-point.entity';
import { Debtor } from '../modules/accounts/debtor.entity';
import { Agreement } from '../modules/agreements/agreement.entity';
import { Installment } from '../modules/agreements/installment.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { Callback } from '../modules/callbacks/callback.entity';
import { Campaign } from '../modules/campaigns/campaign.entity';
import { Client } from '../modules/clients/client.entity';
import { Portfolio } from '../modules/clients/portfolio.entity';
import { ComplianceProfileRecord } from '../modules/compliance/compliance-profile.entity';
import { ComplianceRefusal } from '../modules/compliance/compliance-refusal.entity';
import { Holiday } from '../modules/compliance/holiday.entity';
import { DispositionSet } from '../modules/dispositions/disposition-set.entity';
import { Disposition } from '../modules/dispositions/disposition.entity';
import { Goal } from '../modules/goals/goal.entity';
import { ImportMapping } from '../modules/imports/import-mapping.entity';
import { ImportReject } from '../modules/imports/import-reject.entity';
import { ImportRun } from '../modules/imports/import-run.entity';
import { Interaction } from '../modules/interactions/interaction.entity';
import { PaymentAllocation } from '../modules/payments/payment-allocation.entity';
import { Payment } from '../modules/payments/payment.entity';
import { ScriptVersionRecord } from '../modules/scripts/script-version.entity';
import { Script } from '../modules/scripts/script.entity';
import { Team } from '../modules/teams/team.entity';
import { User } from '../modules/users/user.entity';

export const ENTITIES = [
  Client,
  Portfolio,
  Team,
  User,
  RefreshToken,
  Debtor,
  ContactPoint,
  Account,
  AccountAssignment,
  DispositionSet,
  Disposition,
  Campaign,
  Interaction,
  Agreement,
  Installment,
  Payment,
  PaymentAllocation,
  Goal,
  Callback,
  AuditEvent,
  ImportMapping,
  ImportRun,
  ImportReject,
  ComplianceProfileRecord,
  Holiday,
  ComplianceRefusal,
  Script,
  ScriptVersionRecord,
];
