import { App as AntApp } from 'antd';
import { AppLayout } from './components/app-layout.js';
import { I18nProvider } from './i18n/i18n.js';
import { ComingSoonPage } from './pages/coming-soon-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { usePathname } from './router.js';
import { findRoute } from './routes.js';

function CurrentPage() {
  const pathname = usePathname();
  const route = findRoute(pathname);
  const Page = route?.page;
  return (
    <AppLayout selectedPath={route?.path ?? ''}>
      {route ? Page ? <Page /> : <ComingSoonPage label={route.label} /> : <NotFoundPage />}
    </AppLayout>
  );
}

/** The whole web app: language, antd context and the routed page. */
export function App() {
  return (
    <I18nProvider>
      <AntApp>
        <CurrentPage />
      </AntApp>
    </I18nProvider>
  );
}
