import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../router.js';
import { APP_ROUTES } from '../routes.js';
import { useAuth } from './auth-provider.js';

const { Sider, Header, Content } = Layout;

/** The signed-in user's name with a menu: roles, org units, sign out. */
function UserMenu() {
  const { t } = useI18n();
  const { me, signOut } = useAuth();
  if (!me) return null;
  const units =
    me.scope === 'ALL'
      ? t('users.allOrgUnits')
      : me.orgUnits.map((unit) => unit.code).join(', ') || t('common.none');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'roles',
            disabled: true,
            label: `${t('auth.roles')}: ${me.roles.map((role) => t(`role.${role}`)).join('、')}`,
          },
          { key: 'units', disabled: true, label: `${t('auth.orgUnits')}: ${units}` },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('auth.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') void signOut();
        },
      }}
    >
      <Button data-testid="user-menu" icon={<UserOutlined />}>
        {me.user.username}
      </Button>
    </Dropdown>
  );
}

/** The app frame: side navigation, a header with the language switch and user menu, and the page. */
export function AppLayout({ selectedPath, children }: { selectedPath: string; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { token } = theme.useToken();
  const [isCollapsed, setCollapsed] = useState(false);
  const { me } = useAuth();
  const isAdmin = me?.roles.includes('admin') ?? false;
  const items = APP_ROUTES.filter((route) => !route.isAdminOnly || isAdmin).map((route) => ({
    key: route.path,
    icon: route.icon,
    label: (
      <a href={route.path} data-nav={route.path} onClick={(event) => event.preventDefault()}>
        {t(route.label)}
      </a>
    ),
  }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark" onCollapse={setCollapsed}>
        <div
          style={{ color: '#fff', padding: '18px 20px', fontSize: 20, fontWeight: 600, whiteSpace: 'nowrap' }}
        >
          {isCollapsed ? t('app.shortTitle') : t('app.title')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedPath]}
          items={items}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          <Space>
            <Button
              data-testid="language-switch"
              aria-label={t('app.language')}
              onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
            >
              {t('app.switchLanguage')}
            </Button>
            <UserMenu />
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
