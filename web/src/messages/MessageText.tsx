import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';

/**
 * A message body as plain text. The API serves only text (HTML reduced to text at receipt) and React
 * writes it as a text node: nothing in a stranger's mail is ever rendered as markup or fetched.
 */
export function MessageText({ text, maxLines }: { text: string | null; maxLines?: number }) {
  const translate = useTranslate();
  if (!text) return <Typography color="text.secondary">{translate('app.mail.no_text')}</Typography>;
  const shown = maxLines ? text.split('\n').slice(0, maxLines).join('\n') : text;
  return (
    <Typography
      component="pre"
      variant="body2"
      data-testid="message-text"
      sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit', m: 0 }}
    >
      {shown}
    </Typography>
  );
}
