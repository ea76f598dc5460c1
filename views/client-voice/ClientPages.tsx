import type { ClientCopy, CatalogueText } from '../../src/client-voice/text-logic.js';
import { domainContext, themeContext } from '../../src/client-voice/text-logic.js';
import type { ClientLanguage } from '../../src/client-voice/languages.js';
import type { AnswerProblem, Step } from '../../src/client-voice/logic.js';
import { CLIENT_REMARK_MAX } from '../../src/client-voice/logic.js';
import type { ClientAnswer } from '../../src/client-voice/invitations.js';
import { clientWordsNl } from '../../src/client-voice/words/nl.js';
import { ClientLayout, Pictogram, Words } from './ClientLayout.js';

// The screens of the client view: the language picker first, a short introduction, one question
// per screen, the overview before sending, the thank-you, the lock screen of a hand-over and the
// refusals. Plain HTML forms (POST, then 303 to the next screen): they work without JavaScript, on
// a 320 px phone and with a screen reader; every choice is a native radio button with a large target.

/** A catalogue text in the client's language, or the Dutch (marked as Dutch) where there is none. */
function Text({ t }: { t: CatalogueText }) {
  return t.translated ? (
    <>{t.text}</>
  ) : (
    <span lang="nl" dir="ltr">
      {t.text}
    </span>
  );
}

function DutchBeside({ copy, dutch }: { copy: ClientCopy; dutch: string | null }) {
  if (!dutch || copy.isDutch) return null;
  return (
    <span class="dutch" lang="nl" dir="ltr">
      <span class="visually-hidden">{copy.w('inDutch')}: </span>
      {dutch}
    </span>
  );
}

export interface StepTexts {
  theme: CatalogueText;
  domain: CatalogueText;
  question: CatalogueText;
  anchors: CatalogueText[];
}

export function stepTexts(copy: ClientCopy, step: Step): StepTexts {
  const d = step.domain;
  return {
    theme: copy.text(themeContext(step.theme.key), step.theme.name.nl),
    domain: copy.text(domainContext(d.key, 'name'), d.name.nl),
    question: copy.text(domainContext(d.key, 'question'), d.question.nl),
    anchors: d.anchors.map((a, i) => copy.text(domainContext(d.key, `anchor${i + 1}`), a.nl)),
  };
}

export function LanguagePage({
  copy,
  languages,
  remembered,
  refused,
}: {
  copy: ClientCopy;
  languages: ClientLanguage[];
  remembered: string | null;
  refused?: boolean;
}) {
  // The remembered language first; Dutch is always there.
  const ordered = [...languages].sort((a, b) => Number(b.code === remembered) - Number(a.code === remembered));
  return (
    <ClientLayout copy={copy} title={copy.w('languageTitle')} refused={refused}>
      <div class="client-card">
        <h1 class="with-pictogram">{copy.w('languageTitle')}</h1>
        <p>{copy.w('languageHelp')}</p>
        {refused && (
          <p class="client-error" role="alert">
            {copy.w('invalidChoice')}
          </p>
        )}
        <form method="post" action="/client/language" class="language-list">
          {ordered.map((l) => (
            <button type="submit" name="lang" value={l.code} class={`choice-button${l.code === remembered ? ' choice-button--remembered' : ''}`}>
              <span lang={l.code} dir={l.dir}>
                {l.autonym}
              </span>
            </button>
          ))}
        </form>
      </div>
    </ClientLayout>
  );
}

export function IntroPage({
  copy,
  firstName,
  total,
  answered,
  firstOpen,
}: {
  copy: ClientCopy;
  firstName: string;
  total: number;
  answered: number;
  firstOpen: number;
}) {
  return (
    <ClientLayout copy={copy} title={copy.w('introTitle')}>
      <div class="client-card">
        <p class="hello">
          <Words copy={copy} k="hello" vars={{ name: firstName }} />
        </p>
        <h1>{copy.w('introTitle')}</h1>
        <p>{copy.w('intro')}</p>
        <p class="progress-line">
          <Words copy={copy} k="progress" vars={{ current: Math.min(firstOpen, total), total }} />
        </p>
        <p class="actions">
          <a class="button button--big" href={`/client/q/${firstOpen}`}>
            {answered > 0 ? copy.w('continue') : copy.w('start')}
          </a>
        </p>
        {answered > 0 && (
          <p>
            <a href="/client/review">{copy.w('toReview')}</a>
          </p>
        )}
        <p class="small">
          <a href="/client/language">{copy.w('languageTitle')}</a>
        </p>
      </div>
    </ClientLayout>
  );
}

export interface StepPageProps {
  copy: ClientCopy;
  step: Step;
  total: number;
  icon: string;
  levelIcons: string[];
  showDutch: boolean;
  /** What is chosen (an answer saved earlier, or what was posted when it is refused). */
  choice: string;
  remark: string;
  error?: AnswerProblem | undefined;
}

export function StepPage({ copy, step, total, icon, levelIcons, showDutch, choice, remark, error }: StepPageProps) {
  const t = stepTexts(copy, step);
  const d = step.domain;
  const untranslated = [t.domain, t.question, ...t.anchors].some((x) => !x.translated);
  const here = `/client/q/${step.number}`;
  const errorText = error ? (error === 'remarkTooLong' ? copy.w('remarkTooLong', { max: CLIENT_REMARK_MAX }) : copy.w(error)) : undefined;
  const title = `${copy.w('progress', { current: step.number, total })} — ${t.domain.text}`;
  return (
    <ClientLayout copy={copy} title={title} refused={!!error}>
      <div class="client-card">
        <p class="progress-line">
          <Words copy={copy} k="progress" vars={{ current: step.number, total }} />
        </p>
        <progress class="client-progress" max={String(total)} value={String(step.number - 1)} aria-hidden="true"></progress>
        <p class="about">
          <Pictogram svg={icon} class="pictogram--theme" />
          <span>
            {step.subject.memberId === null ? copy.w('aboutHousehold') : copy.w('aboutYou')} · <Text t={t.theme} />
          </span>
        </p>
        {error && (
          <div class="client-error" role="alert" id="answer-error">
            <p>{errorText}</p>
          </div>
        )}
        {untranslated && <p class="note">{copy.w('notTranslated')}</p>}
        <form method="post" action={here} class="question-form">
          <input type="hidden" name="cell" value={step.key} />
          <fieldset class="scale-choice" aria-describedby={error ? 'answer-error' : undefined}>
            <legend>
              <span class="domain-name">
                <Text t={t.domain} />
                {showDutch && <DutchBeside copy={copy} dutch={d.name.nl} />}
              </span>
              <h1 class="question">
                <Text t={t.question} />
                {showDutch && <DutchBeside copy={copy} dutch={d.question.nl} />}
              </h1>
            </legend>
            <p class="scale-ends">
              <span>{copy.w('scaleLow')}</span> <span>{copy.w('scaleHigh')}</span>
            </p>
            {t.anchors.map((a, i) => (
              <label class={`level-choice level-choice--${i + 1}`}>
                <input type="radio" name="choice" value={String(i + 1)} checked={choice === String(i + 1)} />
                <span class="level-choice__num">{i + 1}</span>
                <Pictogram svg={levelIcons[i]!} class="pictogram--level" />
                <span class="level-choice__text">
                  <Text t={a} />
                  {showDutch && <DutchBeside copy={copy} dutch={d.anchors[i]!.nl} />}
                </span>
              </label>
            ))}
            <label class="level-choice level-choice--other">
              <input type="radio" name="choice" value="declined" checked={choice === 'declined'} />
              <span class="level-choice__text">{copy.w('ratherNot')}</span>
            </label>
          </fieldset>
          <div class="remark-field">
            <label for="remark">{copy.w('remarkLabel')}</label>
            <span class="hint" id="remark-hint">
              <Words copy={copy} k="remarkHint" vars={{ max: CLIENT_REMARK_MAX }} />
            </span>
            <textarea id="remark" name="remark" rows={3} maxlength={CLIENT_REMARK_MAX} aria-describedby="remark-hint" dir="auto">
              {remark}
            </textarea>
          </div>
          <div class="step-actions">
            <button type="submit" class="button button--big">
              {copy.w('next')}
            </button>
            <button type="submit" name="skip" value="1" class="button button--quiet">
              {copy.w('skip')}
            </button>
          </div>
        </form>
        <nav class="step-nav" aria-label={copy.w('progress', { current: step.number, total })}>
          {step.number > 1 && (
            <a href={`/client/q/${step.number - 1}`} class="step-nav__back">
              {copy.w('previous')}
            </a>
          )}
          {!copy.isDutch && <a href={showDutch ? here : `${here}?nl=1`}>{showDutch ? copy.w('hideDutch') : copy.w('showDutch')}</a>}
          <a href="/client/review">{copy.w('toReview')}</a>
        </nav>
      </div>
    </ClientLayout>
  );
}

export function ReviewPage({
  copy,
  steps,
  answers,
  refused,
}: {
  copy: ClientCopy;
  steps: Step[];
  answers: ReadonlyMap<string, ClientAnswer>;
  refused?: 'nothingToSend' | undefined;
}) {
  const answered = steps.filter((s) => answers.has(s.key)).length;
  return (
    <ClientLayout copy={copy} title={copy.w('reviewTitle')} refused={!!refused}>
      <div class="client-card">
        <h1>{copy.w('reviewTitle')}</h1>
        {refused && (
          <p class="client-error" role="alert">
            {copy.w(refused)}
          </p>
        )}
        <p>
          <Words copy={copy} k="answered" count={answered} /> {steps.length - answered > 0 && <Words copy={copy} k="skipped" count={steps.length - answered} />}
        </p>
        <ol class="review-list">
          {steps.map((s) => {
            const t = stepTexts(copy, s);
            const a = answers.get(s.key);
            return (
              <li>
                <span class="review-list__domain">
                  <Text t={t.domain} />
                </span>
                <span class="review-list__answer">
                  {!a ? (
                    copy.w('notAnswered')
                  ) : a.kind === 'declined' ? (
                    copy.w('declined')
                  ) : (
                    <>
                      <bdi>{a.score}</bdi> — <Text t={t.anchors[a.score! - 1]!} />
                    </>
                  )}
                </span>
                {a?.remark && (
                  <span class="review-list__remark" dir="auto">
                    {a.remark}
                  </span>
                )}
                <a href={`/client/q/${s.number}`}>
                  {copy.w('change')}
                  <span class="visually-hidden">: {t.domain.text}</span>
                </a>
              </li>
            );
          })}
        </ol>
        <form method="post" action="/client/sending" class="send-form">
          <p>{copy.w('sendHelp')}</p>
          <button type="submit" class="button button--big">
            {copy.w('send')}
          </button>
        </form>
      </div>
    </ClientLayout>
  );
}

/** "Give the screen back": shown to a client of a hand-over, with the worker's way back in. */
function HandBack({ copy }: { copy: ClientCopy }) {
  return (
    <form method="post" action="/client/handover/end" class="hand-back">
      <p>
        <strong>{copy.w('handBack')}</strong>
      </p>
      <button type="submit" class="button">
        {copy.w('workerSignIn')}
        {!copy.isDutch && (
          <span class="dutch" lang="nl" dir="ltr">
            {clientWordsNl.workerSignIn}
          </span>
        )}
      </button>
    </form>
  );
}

export function SentPage({ copy, icon, handover }: { copy: ClientCopy; icon: string; handover: boolean }) {
  return (
    <ClientLayout copy={copy} title={copy.w('sentTitle')}>
      <div class="client-card client-card--done">
        <Pictogram svg={icon} class="pictogram--big" />
        <h1>{copy.w('sentTitle')}</h1>
        {/* A confirmation page in the client's own words (reached by a redirect, its heading says it
            all): no worker banner, and no live region of its own (the layout has the only one). */}
        <p>{copy.w('sentBody')}</p>
        {handover ? <HandBack copy={copy} /> : <p>{copy.w('closePage')}</p>}
      </div>
    </ClientLayout>
  );
}

export function LockPage({ copy, icon }: { copy: ClientCopy; icon: string }) {
  return (
    <ClientLayout copy={copy} title={copy.w('lockTitle')}>
      <div class="client-card">
        <Pictogram svg={icon} class="pictogram--big" />
        <h1>{copy.w('lockTitle')}</h1>
        <p>{copy.w('lockBody')}</p>
        <p>
          <a class="button button--big" href="/client">
            {copy.w('continue')}
          </a>
        </p>
        <HandBack copy={copy} />
      </div>
    </ClientLayout>
  );
}

export type ClientRefusal = 'linkInvalid' | 'linkExpired' | 'linkUsed' | 'linkClosed' | 'tooManyTries' | 'notFound';

export function ClientErrorPage({ copy, icon, refusal, handover }: { copy: ClientCopy; icon: string; refusal: ClientRefusal; handover: boolean }) {
  return (
    <ClientLayout copy={copy} title={copy.w('errorTitle')}>
      <div class="client-card">
        <Pictogram svg={icon} class="pictogram--big" />
        <h1>{copy.w('errorTitle')}</h1>
        <p>{copy.w(refusal)}</p>
        {handover && <HandBack copy={copy} />}
      </div>
    </ClientLayout>
  );
}
