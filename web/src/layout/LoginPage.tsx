import LockIcon from '@mui/icons-material/Lock';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Form, LocalesMenuButton, PasswordInput, TextInput, required, useLogin, useNotify, useTranslate } from 'react-admin';
import { HtmlLang } from './HtmlLang';

/** Sign in with email and password (POST /api/auth/login); the language can be chosen before. */
export function LoginPage() {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    document.title = translate('app.title');
  }, [translate]);

  const submit = async (values: Record<string, unknown>) => {
    setLoading(true);
    try {
      await login({ username: values.email, password: values.password });
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error', { type: 'error' });
      setLoading(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        p: 2,
        background: 'linear-gradient(135deg, #1a237e 0%, #283593 45%, #00695c 100%)',
      }}
    >
      <HtmlLang />
      <Card sx={{ width: '100%', maxWidth: 420 }} elevation={8}>
        <CardContent sx={{ p: 4 }}>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', mb: 2 }}>
            <Avatar sx={{ bgcolor: 'primary.main' }} aria-hidden>
              <LockIcon />
            </Avatar>
            <Box sx={{ color: 'text.primary' }} title={translate('app.login.language')}>
              <LocalesMenuButton />
            </Box>
          </Box>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            {translate('app.login.subtitle')}
          </Typography>
          <Form onSubmit={submit} noValidate>
            <TextInput source="email" label="ra.auth.email" type="email" autoComplete="username" validate={required()} autoFocus />
            <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
            <MuiButton type="submit" variant="contained" size="large" fullWidth disabled={loading} sx={{ mt: 1 }}>
              {loading ? (
                <CircularProgress size={24} color="inherit" aria-label={translate('ra.page.loading')} />
              ) : (
                translate('ra.auth.sign_in')
              )}
            </MuiButton>
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
}
