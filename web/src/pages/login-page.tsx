import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { login } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { useAuth } from '../components/auth-provider.js';
import { useErrorText } from '../components/error-message.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate, useSearchParams } from '../router.js';

/** Where to go after signing in: `next` when it is a path of this app, else the dashboard. */
function nextPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** The sign-in form (user name and password), in the chosen language. */
export function LoginPage() {
  const { t, language, setLanguage } = useI18n();
  const { setSignedIn } = useAuth();
  const describe = useErrorText();
  const next = useSearchParams().get('next');
  const [isSubmitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const submit = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      setSignedIn(await login(values.username, values.password));
      navigate(nextPath(next), { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') setFailure(t('login.failed'));
      else if (error instanceof ApiError && error.code === 'RATE_LIMITED') {
        const seconds = (error.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ?? 60;
        setFailure(t('login.rateLimited', { seconds }));
      } else setFailure(describe(error).title);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f0f2f5',
      }}
    >
      <Card style={{ width: 380 }} data-testid="login-page">
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'baseline',
            marginBottom: 16,
          }}
        >
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Button
            type="link"
            data-testid="language-switch"
            aria-label={t('app.language')}
            onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
          >
            {t('app.switchLanguage')}
          </Button>
        </div>
        <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={failure}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={isSubmitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
