import { useI18n } from '../../i18n/i18n-context';
import { displayName } from './display-name';
import { BilingualField, TextField } from './fields';
import { fieldId, type BandForm } from './rubric-form';

interface Props {
  base: string;
  bands: readonly BandForm[];
  /** Bumped when another rubric is loaded, so fields start afresh. */
  generation: number;
  onChange: (index: number, change: Partial<BandForm>) => void;
}

/** The verdict bands: label, range and description of each. */
export function BandsEditor({ base, bands, generation, onChange }: Props) {
  const { t, lang } = useI18n();
  return (
    <section
      className="group rubric-editor-bands"
      aria-labelledby={`${base}-bands-heading`}
      data-testid="bands"
    >
      <h2 id={`${base}-bands-heading`}>{t('editor.bands')}</h2>
      <p className="hint">{t('editor.bandsHint')}</p>
      {bands.map((band, b) => {
        const bandId = fieldId(base, ['bands', b]);
        const legendId = `${bandId}-legend`;
        return (
          <fieldset key={`${generation}:${b}`} className="field rubric-editor-band">
            <legend id={legendId}>
              {t('editor.band', { n: b + 1, name: displayName(band.label, lang, band.id) })}
            </legend>
            <BilingualField
              id={fieldId(bandId, ['label'])}
              context={legendId}
              legend={t('editor.bandLabel')}
              value={band.label}
              onChange={(label) => onChange(b, { label })}
            />
            <div className="rubric-editor-range">
              <TextField
                id={fieldId(bandId, ['min'])}
                label={t('editor.bandMin')}
                numeric
                value={band.min}
                onChange={(min) => onChange(b, { min })}
              />
              <TextField
                id={fieldId(bandId, ['max'])}
                label={t('editor.bandMax')}
                numeric
                value={band.max}
                onChange={(max) => onChange(b, { max })}
              />
            </div>
            <BilingualField
              id={fieldId(bandId, ['description'])}
              context={legendId}
              legend={t('editor.bandDescription')}
              value={band.description}
              multiline
              optional
              onChange={(description) => onChange(b, { description })}
            />
          </fieldset>
        );
      })}
    </section>
  );
}
