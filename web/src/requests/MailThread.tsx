import CallMadeIcon from '@mui/icons-material/CallMade';
import CallReceivedIcon from '@mui/icons-material/CallReceived';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { RecordContextProvider, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { useIntlLocale } from '../common/hooks';
import { formatDateTime } from '../common/format';
import { RecordEventButton } from './EventDialog';
import type { Message, PlatformRequest } from '../types';
import { DkimChip } from '../messages';
import { AttachmentButton, DownloadMessageButton } from '../messages/MessageActions';
import { MessageText } from '../messages/MessageText';

/** The request's e-mails in and out, oldest first, with the mailbox's receipt time beside the sender's claimed date. */
export function MailThread() {
  const request = useRecordContext<PlatformRequest>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { data, isPending, error } = useGetList<Message>(
    'messages',
    { filter: { requestId: request?.id }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: request?.id !== undefined },
  );
  if (!request) return null;
  if (isPending) return <LinearProgress aria-label={translate('ra.page.loading')} />;
  if (error) return <Alert severity="error">{translate('app.common.loading_error')}</Alert>;
  if (!data?.length) return <Typography color="text.secondary">{translate('app.mail.no_messages')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="mail-thread" aria-label={translate('app.mail.thread')}>
      {data.map((message) => (
        <RecordContextProvider key={message.id} value={message}>
          <Box
            component="li"
            data-direction={message.direction}
            data-classification={message.classification}
            sx={{ borderTop: 1, borderColor: 'divider', py: 1.5 }}
          >
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
              {message.direction === 'in' ? (
                <CallReceivedIcon fontSize="small" color="success" />
              ) : (
                <CallMadeIcon fontSize="small" color="primary" />
              )}
              <Typography component="span" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                {message.subject ?? '—'}
              </Typography>
              {message.direction === 'in' && (
                <Chip size="small" label={translate(`enums.messageClassification.${message.classification}`)} />
              )}
              <DkimChip />
            </Box>
            <Typography variant="body2" color="text.secondary">
              {message.direction === 'in' ? message.from : message.to} ·{' '}
              {message.receivedAt ? (
                <time dateTime={message.receivedAt}>{formatDateTime(message.receivedAt, locale)}</time>
              ) : (
                translate('app.mail.prepared')
              )}
              {message.claimedDate && ` · ${translate('app.mail.claimed', { date: formatDateTime(message.claimedDate, locale) })}`}
            </Typography>
            {message.bounceReason && (
              <Alert severity="warning" sx={{ my: 1 }}>
                {message.bounceReason}
              </Alert>
            )}
            <Box sx={{ mt: 1 }}>
              <MessageText text={message.text} maxLines={12} />
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
              <DownloadMessageButton message={message} />
              {message.attachments.map((a) => (
                <AttachmentButton key={a.index} message={message} index={a.index} />
              ))}
              {message.direction === 'in' && message.classification === 'human' && (
                <RecordContextProvider value={request}>
                  <RecordEventButton side="platform" messageId={message.id} occurredAt={message.receivedAt} />
                </RecordContextProvider>
              )}
            </Box>
          </Box>
        </RecordContextProvider>
      ))}
    </Box>
  );
}
