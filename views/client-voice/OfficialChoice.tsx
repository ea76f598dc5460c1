import { clientLanguage } from '../../src/client-voice/languages.js';

/** Brussels: the copy binds in Dutch or French, as the client chooses (each named in itself). */
const OFFICIAL_CHOICES = [clientLanguage('nl')!, clientLanguage('fr')!];

export function OfficialChoice({ legend }: { legend: string }) {
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      {OFFICIAL_CHOICES.map((l, i) => (
        <label class="choice">
          <input type="radio" name="official" value={l.code} checked={i === 0} /> <span lang={l.code}>{l.autonym}</span>
        </label>
      ))}
    </fieldset>
  );
}
