// Process: renderer. The background effects picker and the noise-suppression switch: None, Blur,
// the organization's pictures, the guest's own picture (main's file dialog). Opening it loads the
// effects package (effects.open()). Where the SDK says the machine cannot run effects, it says so
// in one line and offers no choices. Gets the effects actions, never an SDK object.
import './effects.css';
import { useEffect } from 'preact/hooks';
import type { BackgroundEffectSetting } from '../../common/ipc-contract';
import type { EffectsActions, EffectsState } from '../calling/features/effects-model';
import { useObservable } from '../components/use-observable';
import { useT } from '../i18n';

export function EffectsPicker({ effects, idPrefix }: { effects: EffectsActions; idPrefix: string }) {
  const t = useT();
  const state = useObservable<EffectsState>(effects.state, effects.state.get());
  useEffect(() => {
    void effects.open();
  }, [effects]);

  const options: Array<{ value: BackgroundEffectSetting; label: string; image?: string }> = [
    { value: 'none', label: t('effects.option.none') },
    { value: 'blur', label: t('effects.option.blur') },
    ...effects.brandBackgrounds.map((b) => ({ value: `brand:${b.id}` as const, label: b.label, image: b.url })),
    ...(state.customImage || state.background === 'custom' ? [{ value: 'custom' as const, label: t('effects.option.custom') }] : []),
  ];
  const titleId = `${idPrefix}-effects-title`;
  return (
    <div class="effects" data-video={state.video}>
      <fieldset class="effects__group" aria-labelledby={titleId}>
        <legend id={titleId} class="effects__title">
          {t('effects.title')}
        </legend>
        {state.video === 'unsupported' ? (
          <p class="effects__note" role="status">
            {t('effects.unsupported')}
          </p>
        ) : (
          <>
            <div class="effects__options" role="radiogroup" aria-labelledby={titleId}>
              {options.map((option) => (
                <label key={option.value} class="effects__option" title={option.label} data-selected={state.background === option.value ? '' : undefined}>
                  <input
                    type="radio"
                    name={`${idPrefix}-background`}
                    value={option.value}
                    checked={state.background === option.value}
                    onChange={() => void effects.choose(option.value)}
                  />
                  {option.image ? <img class="effects__thumb" src={option.image} alt="" /> : <span class={`effects__swatch effects__swatch--${option.value}`} aria-hidden="true" />}
                  {/* An organization's picture may be named in another script than the guest's language: its own direction, so a cut name keeps its start. */}
                  <span class="effects__label" dir="auto">
                    {option.label}
                  </span>
                </label>
              ))}
            </div>
            <button type="button" class="effects__add" onClick={() => void effects.chooseOwnImage()}>
              {state.customImage ? t('effects.replaceImage') : t('effects.addImage')}
            </button>
            {state.imageError && (
              <p class="effects__error" role="alert">
                {t(`effects.image.${state.imageError}`)}
              </p>
            )}
            <p class="effects__note" role="status">
              {state.video === 'starting' ? t('effects.loading') : state.video === 'failed' ? t('effects.failed') : ''}
            </p>
          </>
        )}
      </fieldset>
      <div class="effects__noise">
        <label class="effects__switch">
          <input
            type="checkbox"
            role="switch"
            aria-describedby={`${idPrefix}-noise-hint`}
            checked={state.noiseSuppression}
            onChange={(event) => void effects.setNoiseSuppression(event.currentTarget.checked)}
          />
          <span>{t('noise.toggle')}</span>
        </label>
        <p id={`${idPrefix}-noise-hint`} class="effects__note">
          {state.noise === 'failed' ? t('noise.failed') : t('noise.hint')}
        </p>
      </div>
    </div>
  );
}
