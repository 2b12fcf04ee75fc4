// Following a sampled user by number: only sampled users have a recorded story, so the input steps
// through them and says which ones they are.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { strideOf } from './storyModel';
import { useLang } from '../../i18n/useLang';

interface Props {
  users: readonly number[];
  followed: number | null;
  onFollow(user: number): void;
  onNotice(text: string): void;
}

export function UserPicker({ users, followed, onFollow, onNotice }: Props) {
  const lang = useLang();
  const { t } = useTranslation();
  const helpId = useId();
  const [text, setText] = useState(followed === null ? '' : String(followed));
  const [shownFor, setShownFor] = useState(followed);
  // Following someone from the buttons shows their number here.
  if (shownFor !== followed) {
    setShownFor(followed);
    if (followed !== null) setText(String(followed));
  }
  const stride = strideOf(users);
  const last = users[users.length - 1] ?? 0;
  const number = (value: number) => value.toLocaleString(lang);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = Number(text);
    if (text.trim() === '' || !Number.isInteger(wanted)) return;
    if (users.includes(wanted)) return onFollow(wanted);
    const nearest = Math.min(last, Math.max(0, Math.round(wanted / stride) * stride));
    onNotice(t('trainer.follow.notSampled', { user: wanted, nearest }));
  };

  return (
    <form className="follow__number" onSubmit={submit} noValidate>
      <label>
        {t('trainer.follow.userNumber')}
        <input type="number" min={0} max={last} step={stride} value={text} aria-describedby={helpId} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="submit">{t('trainer.follow.followNumber')}</button>
      <p id={helpId} className="follow__help">
        {stride > 1
          ? t('trainer.follow.sampled', { stride: number(stride), second: number(2 * stride), last: number(last), count: number(users.length) })
          : t('trainer.follow.sampledAll', { last: number(last) })}
      </p>
    </form>
  );
}
