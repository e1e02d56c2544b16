import ApartmentIcon from '@mui/icons-material/Apartment';
import GavelIcon from '@mui/icons-material/Gavel';
import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useIntlLocale } from '../common/hooks';
import type { TrackerDataProvider } from '../dataProvider';
import { formatDateTime } from '../common/format';
import type { PlatformRequest, RequestEvent } from '../types';
import { isPlatformOriginated } from '../../../domain/src';

/** The request's timeline (GET /api/requests/:id/events, oldest first), newest at the top. */
export function Timeline() {
  const record = useRecordContext<PlatformRequest>();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { data, isPending, error } = useQuery({
    queryKey: ['requests', 'events', record?.id],
    queryFn: () => dataProvider.getEvents(record!.id),
    enabled: record?.id !== undefined,
  });
  if (!record) return null;
  if (isPending) return <LinearProgress aria-label={translate('ra.page.loading')} />;
  if (error) return <Alert severity="error">{translate('app.common.loading_error')}</Alert>;
  if (!data || data.length === 0) return <Typography color="text.secondary">{translate('app.requests.no_events')}</Typography>;
  const urls = new Map(record.items.map((i) => [i.id, i.url]));

  return (
    <Box component="ol" aria-label={translate('app.requests.timeline')} sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="timeline">
      {[...data].reverse().map((event: RequestEvent) => {
        const platform = isPlatformOriginated(event.kind);
        return (
          <Box
            component="li"
            key={event.id}
            data-kind={event.kind}
            sx={{
              position: 'relative',
              pl: 5,
              pb: 2,
              '&:not(:last-of-type)::before': {
                content: '""',
                position: 'absolute',
                left: 15,
                top: 32,
                bottom: 0,
                width: 2,
                bgcolor: 'divider',
              },
            }}
          >
            <Box
              aria-hidden
              sx={{
                position: 'absolute',
                left: 0,
                top: 0,
                width: 32,
                height: 32,
                borderRadius: '50%',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                bgcolor: platform ? '#00695c' : 'primary.main',
                color: '#fff',
              }}
            >
              {platform ? <ApartmentIcon fontSize="small" /> : <GavelIcon fontSize="small" />}
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
              <Typography component="span" sx={{ fontWeight: 600 }}>
                {translate(`enums.eventKind.${event.kind}`)}
              </Typography>
              <Chip
                size="small"
                variant="outlined"
                label={translate(platform ? 'app.requests.side.platform' : 'app.requests.side.regulator')}
              />
              {event.outcome && <Chip size="small" color="success" label={translate(`enums.outcome.${event.outcome}`)} />}
              {event.messageId && (
                <Chip
                  size="small"
                  variant="outlined"
                  icon={<EmailOutlinedIcon />}
                  component="a"
                  href={`#/messages/${event.messageId}/show`}
                  clickable
                  label={translate('app.mail.from_email')}
                  data-testid="event-message"
                />
              )}
            </Box>
            <Typography variant="body2" color="text.secondary">
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, locale)}</time>
            </Typography>
            {event.note && (
              <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Typography>
            )}
            {event.items.length > 0 && (
              <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2 }} aria-label={translate('app.requests.item_changes')}>
                {event.items.map((item) => (
                  <Typography component="li" variant="body2" key={item.id} sx={{ overflowWrap: 'anywhere' }}>
                    {urls.get(item.id) ?? `#${item.id}`}: {translate(`enums.itemState.${item.state}`)}
                  </Typography>
                ))}
              </Box>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
