import type { PersonView } from '@yufang/contracts';
import { Button, Flex, Popover, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../api/errors';
import { useUnmaskPerson } from './api';

/** How long a revealed ID number stays on screen. */
export const REVEAL_SECONDS = 30;

/**
 * The masked ID number, with 查看 for those allowed: the full number is fetched (and audited) on each click
 * and shown in a popover that closes and forgets it after REVEAL_SECONDS.
 */
export function MaskedIdCell({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const unmask = useUnmaskPerson();
  const [full, setFull] = useState<string | null>(null);
  const [left, setLeft] = useState(REVEAL_SECONDS);

  // The number leaves the screen (and the component's state) when the time is up.
  useEffect(() => {
    if (full === null) return;
    const started = Date.now();
    setLeft(REVEAL_SECONDS);
    const tick = setInterval(() => {
      const remaining = REVEAL_SECONDS - Math.floor((Date.now() - started) / 1000);
      if (remaining <= 0) setFull(null);
      else setLeft(remaining);
    }, 1000);
    return () => clearInterval(tick);
  }, [full]);

  const hide = () => setFull(null);
  const reveal = () =>
    unmask.mutate(person.id, { onSuccess: (result) => setFull(result.idNumber), onError: showApiError });

  return (
    <Flex gap={4} align="center" style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text style={{ fontFamily: 'monospace' }}>{person.idMasked}</Typography.Text>
      {person.can.unmask ? (
        <Popover
          open={full !== null}
          onOpenChange={(open) => (open ? undefined : hide())}
          trigger="click"
          title={t('person.fullId', { name: person.name })}
          content={
            <Flex vertical gap={4}>
              <Typography.Text copyable strong style={{ fontFamily: 'monospace', fontSize: 16 }}>
                {full}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('person.revealHint', { seconds: left })}
              </Typography.Text>
            </Flex>
          }
        >
          <Button type="link" size="small" loading={unmask.isPending} onClick={reveal}>
            {t('person.reveal')}
          </Button>
        </Popover>
      ) : null}
    </Flex>
  );
}
