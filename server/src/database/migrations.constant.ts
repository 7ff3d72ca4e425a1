import { CreateFoundation1764000000000 } from './migrations/1764000000000-create-foundation';
import { CreateCompliance1764100000000 } from './migrations/1764100000000-create-compliance';
import { ExtendCampaigns1764200000000 } from './migrations/1764200000000-extend-campaigns';
import { CreateDialer1764300000000 } from './migrations/1764300000000-create-dialer';
import { CreateScripts1764400000000 } from './migrations/1764400000000-create-scripts';
import { AddAgentWorkspace1764500000000 } from './migrations/1764500000000-add-agent-workspace';
import { CreateMetricRollups1764600000000 } from './migrations/1764600000000-create-metric-rollups';
import { AddMetricMonthly1764700000000 } from './migrations/1764700000000-add-metric-monthly';
import { CreatePaymentLifecycle1764800000000 } from './migrations/1764800000000-create-payment-lifecycle';
import { CreatePeriodClose1764860000000 } from './migrations/1764860000000-create-period-close';
import { CreateFieldOrders1764840000000 } from './migrations/1764840000000-create-field-orders';
import { CreateLegalStage1764850000000 } from './migrations/1764850000000-create-legal-stage';
import { CreatePromiseTracking1764810000000 } from './migrations/1764810000000-create-promise-tracking';
import { CreatePaymentFiles1764830000000 } from './migrations/1764830000000-create-payment-files';
import { CreateCharges1764820000000 } from './migrations/1764820000000-create-charges';
import { CreateOmnichannel1764900000000 } from './migrations/1764900000000-create-omnichannel';
import { ExtendMessageSends1764920000000 } from './migrations/1764920000000-extend-message-sends';

/** Listed explicitly: the server is bundled, so migrations cannot be found by a glob at run time. */
export const MIGRATIONS = [
  CreateFoundation1764000000000,
  CreateCompliance1764100000000,
  ExtendCampaigns1764200000000,
  CreateDialer1764300000000,
  CreateScripts1764400000000,
  AddAgentWorkspace1764500000000,
  CreateMetricRollups1764600000000,
  AddMetricMonthly1764700000000,
  CreatePaymentLifecycle1764800000000,
  CreatePeriodClose1764860000000,
  CreateFieldOrders1764840000000,
  CreateLegalStage1764850000000,
  CreatePromiseTracking1764810000000,
  CreatePaymentFiles1764830000000,
  CreateCharges1764820000000,
  CreateOmnichannel1764900000000,
  ExtendMessageSends1764920000000,
];
