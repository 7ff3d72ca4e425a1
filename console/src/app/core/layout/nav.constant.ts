import type { Role } from '@recupera/shared';
import type { IconName } from '../../ui/icons.constant';
import type { MessageKey } from '../i18n/messages-es.constant';

export interface NavItem {
  path: string;
  /** `nav-<route>`: stable hooks for the browser tests. */
  testId: string;
  label: MessageKey;
  icon: IconName;
}

const AGENT: NavItem = { path: '/agent', testId: 'nav-agent', label: 'nav.agent', icon: 'headset' };
const FLOOR: NavItem = { path: '/floor', testId: 'nav-floor', label: 'nav.floor', icon: 'group' };
const DASHBOARD: NavItem = {
  path: '/dashboard',
  testId: 'nav-dashboard',
  label: 'nav.dashboard',
  icon: 'dashboard',
};
const ACCOUNTS: NavItem = { path: '/accounts', testId: 'nav-accounts', label: 'nav.accounts', icon: 'list' };
const AUDIT: NavItem = { path: '/audit', testId: 'nav-audit', label: 'nav.audit', icon: 'history' };
const PERIODS: NavItem = { path: '/periods', testId: 'nav-periods', label: 'nav.periods', icon: 'lock' };
const IMPORTS: NavItem = {
  path: '/admin/imports',
  testId: 'nav-admin-imports',
  label: 'nav.imports',
  icon: 'upload',
};
const USERS: NavItem = {
  path: '/admin/users',
  testId: 'nav-admin-users',
  label: 'nav.users',
  icon: 'person',
};
const TEAMS: NavItem = { path: '/admin/teams', testId: 'nav-admin-teams', label: 'nav.teams', icon: 'group' };
const CLIENTS: NavItem = {
  path: '/admin/clients',
  testId: 'nav-admin-clients',
  label: 'nav.clients',
  icon: 'business',
};

const COMPLIANCE: NavItem = {
  path: '/compliance',
  testId: 'nav-compliance',
  label: 'nav.compliance',
  icon: 'check',
};

const CAMPAIGNS: NavItem = {
  path: '/campaigns',
  testId: 'nav-campaigns',
  label: 'nav.campaigns',
  icon: 'headset',
};

const SCRIPTS: NavItem = { path: '/scripts', testId: 'nav-scripts', label: 'nav.scripts', icon: 'edit' };

const PAYMENTS: NavItem = { path: '/payments', testId: 'nav-payments', label: 'nav.payments', icon: 'list' };
const FIELD: NavItem = { path: '/field', testId: 'nav-field', label: 'nav.fieldOrders', icon: 'list' };
const DEBITS: NavItem = { path: '/debits', testId: 'nav-debits', label: 'nav.debits', icon: 'cloudUpload' };
const FIELD_BOARD: NavItem = {
  path: '/field/orders',
  testId: 'nav-field-orders',
  label: 'nav.fieldOrders',
  icon: 'list',
};

const LEGAL: NavItem = { path: '/legal', testId: 'nav-legal', label: 'nav.legal', icon: 'gavel' };
const PROMISES: NavItem = {
  path: '/promises',
  testId: 'nav-promises',
  label: 'nav.promises',
  icon: 'notifications',
};

const MESSAGES: NavItem = { path: '/messages', testId: 'nav-messages', label: 'nav.messages', icon: 'forum' };

const CHARGES: NavItem = { path: '/charges', testId: 'nav-charges', label: 'nav.charges', icon: 'percent' };

export const NAV_BY_ROLE: Readonly<Record<Role, readonly NavItem[]>> = {
  agent: [AGENT, { ...ACCOUNTS, label: 'nav.accountsSearch', icon: 'search' }, LEGAL, PROMISES],
  supervisor: [
    FLOOR,
    DASHBOARD,
    CAMPAIGNS,
    SCRIPTS,
    ACCOUNTS,
    PAYMENTS,
    COMPLIANCE,
    FIELD_BOARD,
    LEGAL,
    PROMISES,
    MESSAGES,
  ],
  manager: [
    DASHBOARD,
    CAMPAIGNS,
    ACCOUNTS,
    PAYMENTS,
    DEBITS,
    PERIODS,
    AUDIT,
    COMPLIANCE,
    FIELD_BOARD,
    LEGAL,
    PROMISES,
    MESSAGES,
  ],
  admin: [
    IMPORTS,
    USERS,
    TEAMS,
    CLIENTS,
    CAMPAIGNS,
    SCRIPTS,
    COMPLIANCE,
    PERIODS,
    AUDIT,
    ACCOUNTS,
    LEGAL,
    DEBITS,
    CHARGES,
    MESSAGES,
  ],
  cashier: [PAYMENTS, DEBITS],
  field: [FIELD],
};
