import { useEffect, type ReactNode } from 'react';
import { Layout, useTranslate } from 'react-admin';
import { HtmlLang } from './HtmlLang';

function DocumentTitle() {
  const translate = useTranslate();
  useEffect(() => {
    document.title = translate('app.title');
  }, [translate]);
  return null;
}

/** react-admin's layout (menu from the resources the role may see, app bar with the language menu). */
export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout>
      <HtmlLang />
      <DocumentTitle />
      {children}
    </Layout>
  );
}
