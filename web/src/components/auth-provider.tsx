import { Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { getMe, logout, type TMe } from '../api/auth.js';
import { ApiError, UNAUTHENTICATED_EVENT } from '../api/client.js';
import { navigate } from '../router.js';

interface AuthValue {
  /** The signed-in user; undefined while signed out. */
  me: TMe | undefined;
  /** After a successful login: remember who signed in. */
  setSignedIn(me: TMe): void;
  /** Ends the session and shows the login page. */
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** The path to come back to after signing in (`/login?next=…`). */
function loginPath(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return here.startsWith('/login') ? here : `/login?next=${encodeURIComponent(here)}`;
}

/**
 * Asks the server who is signed in once, then follows 401 answers from any API call: while
 * signed out every page but /login sends the user to the login page, with the way back.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<TMe | undefined>(undefined);
  const [isChecking, setChecking] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(
      (answer) => {
        setMe(answer);
        setChecking(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiError && error.status === 401)) console.error(error);
        setChecking(false);
      },
    );
    const onUnauthenticated = () => setMe(undefined);
    window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    return () => {
      controller.abort();
      window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    };
  }, []);

  useEffect(() => {
    if (!isChecking && !me && !window.location.pathname.startsWith('/login'))
      navigate(loginPath(), { replace: true });
  }, [isChecking, me]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setMe(undefined);
      navigate('/login', { replace: true });
    }
  }, []);
  const value = useMemo<AuthValue>(() => ({ me, setSignedIn: setMe, signOut }), [me, signOut]);
  if (isChecking)
    return (
      <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 120 }}>
        <Spin size="large" />
      </div>
    );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The sign-in state of the app. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
