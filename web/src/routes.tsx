import {
  AlertOutlined,
  AuditOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EditOutlined,
  FileTextOutlined,
  FundOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { TMessageKey } from './i18n/zh-CN.js';
import { AdminPage } from './pages/admin-page.js';
import { AuditPage } from './pages/audit-page.js';
import { DashboardPage } from './pages/dashboard/dashboard-page.js';
import { DataEntryPage } from './pages/data-entry-page.js';
import { ImportPage } from './pages/import-page.js';
import { IndicatorsPage } from './pages/indicators/indicators-page.js';
import { MetadataPage } from './pages/metadata-page.js';
import { OrgUnitsPage } from './pages/org-units-page.js';
import { UsersPage } from './pages/users-page.js';

/** One page of the app: its path, its navigation label and icon, and its component (none yet = coming soon). */
export interface TAppRoute {
  path: string;
  label: TMessageKey;
  icon: ReactNode;
  page?: ComponentType;
  /** Shown and opened only for users with the admin role. */
  isAdminOnly?: boolean;
}

/** The side navigation, in order. */
export const APP_ROUTES: TAppRoute[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined />, page: DashboardPage },
  { path: '/indicators', label: 'nav.indicators', icon: <FundOutlined />, page: IndicatorsPage },
  { path: '/quality', label: 'nav.quality', icon: <SafetyCertificateOutlined /> },
  { path: '/briefing', label: 'nav.briefing', icon: <FileTextOutlined /> },
  { path: '/action-items', label: 'nav.actionItems', icon: <AlertOutlined /> },
  { path: '/scorecard', label: 'nav.scorecard', icon: <TrophyOutlined /> },
  { path: '/data-entry', label: 'nav.dataEntry', icon: <EditOutlined />, page: DataEntryPage },
  { path: '/import', label: 'nav.import', icon: <UploadOutlined />, page: ImportPage },
  { path: '/metadata', label: 'nav.metadata', icon: <DatabaseOutlined />, page: MetadataPage },
  { path: '/org-units', label: 'nav.orgUnits', icon: <ClusterOutlined />, page: OrgUnitsPage },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, page: UsersPage, isAdminOnly: true },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, page: AuditPage },
  { path: '/admin', label: 'nav.admin', icon: <SettingOutlined />, page: AdminPage },
];

/** The route for `pathname` (trailing slash ignored), or undefined. */
export function findRoute(pathname: string): TAppRoute | undefined {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return (
    APP_ROUTES.find((route) => route.path === normalized) ??
    // A page's sub-paths (`/indicators/CBR`) belong to it; the page reads the rest of the path.
    APP_ROUTES.find((route) => route.path !== '/' && normalized.startsWith(`${route.path}/`))
  );
}
