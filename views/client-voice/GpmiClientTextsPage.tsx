import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { ClientLanguage } from '../../src/client-voice/languages.js';
import type { GpmiSentence } from '../../src/client-voice/gpmi-texts.js';
import { GPMI_TEXT_MAX } from '../../src/client-voice/gpmi-texts.js';
import type { GpmiTextErrors } from '../../src/client-voice/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, type FieldErrors } from '../components/form.js';
import { OfficialChoice } from './OfficialChoice.js';
import { NotificationBanner } from '../components/NotificationBanner.js';

// A GPMI's client-facing sentences in the client's language (written by an interpreter or
// translator), and the bilingual copy for the client as PDF.

const textareaId = (hash: string) => `t-${hash.slice(0, 16)}`;

/** A refused save's error summary: each refused text by its agreement and part, linked to its textarea. */
function summaryOf(ui: Ui, sentences: readonly (GpmiSentence & { hash: string })[], lang: ClientLanguage | undefined, errors: FieldErrors) {
  const t = ui.t.clientVoice.gpmi;
  const labels: Record<string, string> = { lang: t.languageLabel };
  const targets: Record<string, string> = { lang: 'gpmi-lang' };
  for (const s of sentences) {
    labels[s.hash] = `${t.agreement(s.agreement, s.domainName)}, ${t.part[s.part]}${lang ? ` — ${t.translation(lang.dutchName)}` : ''}`;
    targets[s.hash] = textareaId(s.hash);
  }
  return { errors, labels, targets };
}

export function GpmiClientTextsPage({
  ui,
  household,
  gpmiId,
  languages,
  lang,
  sentences,
  errors: codes,
  officialChoice,
  notice,
}: {
  ui: Ui;
  household: Household;
  gpmiId: number;
  languages: ClientLanguage[];
  lang: ClientLanguage | undefined;
  sentences: (GpmiSentence & { hash: string; value: string })[];
  errors: GpmiTextErrors;
  officialChoice: boolean;
  notice?: string | undefined;
}) {
  const t = ui.t.clientVoice.gpmi;
  const errors = sayAll(t.errors, codes);
  const base = `/households/${household.id}/gpmis/${gpmiId}`;
  const title = lang ? t.windowTitle(lang.dutchName) : t.title;
  return (
    <Layout ui={ui} title={title} dossier={household}>
      <p class="breadcrumb">
        <a href={base}>{ui.t.gpmi.list.title}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {notice && <NotificationBanner t={ui.t} message={notice} />}
      <ErrorSummary t={ui.t} {...summaryOf(ui, sentences, lang, errors)} />
      {languages.length === 0 ? (
        <p class="alert alert--info">{ui.t.clientVoice.admin.stateHidden}</p>
      ) : (
        <form method="get" action={`${base}/client-language`} class="inline-form">
          <label for="gpmi-lang">{t.languageLabel}</label>{' '}
          <select id="gpmi-lang" name="lang">
            {languages.map((l) => (
              <option value={l.code} selected={l.code === lang?.code}>
                {l.dutchName} ({l.autonym})
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="button button--secondary">
            {t.choose}
          </button>
        </form>
      )}
      {lang && (
        <>
          <section class="card" aria-labelledby="pdf-title">
            <h2 id="pdf-title">{t.pdfTitle}</h2>
            <p>{t.pdfHint}</p>
            <form method="get" action={`${base}/client-copy`}>
              <input type="hidden" name="lang" value={lang.code} />
              {officialChoice && <OfficialChoice legend={t.officialChoice} />}
              <button type="submit" class="button button--secondary">
                {t.downloadGpmi}
              </button>
            </form>
          </section>
          {sentences.length === 0 ? (
            <p>{t.noTexts}</p>
          ) : (
            <form method="post" action={`${base}/client-language`}>
              <input type="hidden" name="lang" value={lang.code} />
              {sentences.map((s, i) => {
                const first = i === 0 || sentences[i - 1]!.agreement !== s.agreement;
                const id = textareaId(s.hash);
                return (
                  <>
                    {first && <h2>{t.agreement(s.agreement, s.domainName)}</h2>}
                    <div class={`field${errors[s.hash] ? ' field--error' : ''}`}>
                      <p class="field__hint" id={`${id}-official`}>
                        <strong>
                          {t.part[s.part]} — {t.official}:
                        </strong>{' '}
                        {s.source}
                      </p>
                      <label for={id}>
                        {t.part[s.part]} — {t.translation(lang.dutchName)}
                      </label>
                      {errors[s.hash] && (
                        <p class="field__error" id={`${id}-error`}>
                          {errors[s.hash]}
                        </p>
                      )}
                      <textarea
                        id={id}
                        name={`t.${s.hash}`}
                        rows={2}
                        maxlength={GPMI_TEXT_MAX}
                        lang={lang.code}
                        dir={lang.dir}
                        aria-describedby={`${id}-official${errors[s.hash] ? ` ${id}-error` : ''}`}
                        aria-invalid={errors[s.hash] ? 'true' : undefined}
                      >
                        {s.value}
                      </textarea>
                    </div>
                  </>
                );
              })}
              <button type="submit" class="button">
                {t.save}
              </button>
            </form>
          )}
        </>
      )}
    </Layout>
  );
}

export function WebOnlyPage({ ui, household, language }: { ui: Ui; household: Household; language: ClientLanguage }) {
  const t = ui.t.clientVoice.gpmi;
  return (
    <Layout ui={ui} title={t.pdfTitle} dossier={household}>
      <h1>{t.pdfTitle}</h1>
      <p class="alert alert--info">{t.webOnly(language.dutchName)}</p>
    </Layout>
  );
}
