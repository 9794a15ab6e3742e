import { App as AntApp } from 'antd';
import { AppLayout } from './components/app-layout.js';
import { AuthProvider, useAuth } from './components/auth-provider.js';
import { I18nProvider } from './i18n/i18n.js';
import { ComingSoonPage } from './pages/coming-soon-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { usePathname } from './router.js';
import { findRoute } from './routes.js';

function CurrentPage() {
  const pathname = usePathname();
  const { me } = useAuth();
  if (pathname === '/login' || !me) return <LoginPage />;
  const found = findRoute(pathname);
  const route = found?.isAdminOnly && !me.roles.includes('admin') ? undefined : found;
  const Page = route?.page;
  return (
    <AppLayout selectedPath={route?.path ?? ''}>
      {route ? Page ? <Page /> : <ComingSoonPage label={route.label} /> : <NotFoundPage />}
    </AppLayout>
  );
}

/** The whole web app: language, antd context, sign-in and the routed page. */
export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <AuthProvider>
          <CurrentPage />
        </AuthProvider>
      </AntApp>
    </I18nProvider>
  );
}
