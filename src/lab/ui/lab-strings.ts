/**
 * The Lab's UI strings travel with the Lab's chunk, not the first script: a lesson reader never
 * pays for them (the lesson page's bundle budget is tight). Importing this module adds both
 * languages to i18next before any Lab component renders.
 */
import { i18n } from '../../i18n';
import en from '../../i18n/locales/en-lab';
import ru from '../../i18n/locales/ru-lab';

i18n.addResourceBundle('en', 'translation', { lab: en }, true, true);
i18n.addResourceBundle('ru', 'translation', { lab: ru }, true, true);
