import { Button, Layout, Menu, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../router.js';
import { APP_ROUTES } from '../routes.js';

const { Sider, Header, Content } = Layout;

/** The app frame: side navigation, a header with the language switch, and the page. */
export function AppLayout({ selectedPath, children }: { selectedPath: string; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { token } = theme.useToken();
  const [isCollapsed, setCollapsed] = useState(false);
  const items = APP_ROUTES.map((route) => ({
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
          <Button
            data-testid="language-switch"
            aria-label={t('app.language')}
            onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
          >
            {t('app.switchLanguage')}
          </Button>
        </Header>
        <Content style={{ margin: 24 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
