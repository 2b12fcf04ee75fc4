import { pathText, type Problem } from '../../../core/journey';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

/** Every problem of a refused lesson, each with the path it is at (the messages mostly start with it already). */
export function ProblemList({ problems, label }: { problems: readonly Problem[]; label: string }) {
  const lang = useLang();
  return (
    <ul className="lesson-problems" aria-label={label}>
      {problems.map((problem, index) => {
        const path = pathText(problem.location.path);
        const message = say(problem.message, lang);
        return (
          <li key={index} className={`lesson-problems__item lesson-problems__item--${problem.severity}`}>
            <code>{problem.code}</code> {path && !message.startsWith(path) && <code>{path}</code>} {message}
          </li>
        );
      })}
    </ul>
  );
}
