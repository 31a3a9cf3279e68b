/**
 * The ids and labels of the "Request a mentor" form's fields (request-form.ts builds the form from them). A module of
 * its own, so that what only needs the ids, such as the abuse limits in program.yml's schema, does not load the
 * form's parser and generator: the site build's content check imports that schema.
 */
export const FIELD = {
  mentor: { id: 'mentor', label: 'Mentor’s GitHub login' },
  alternate1: { id: 'alternate-1', label: 'First alternate mentor (optional)' },
  alternate2: { id: 'alternate-2', label: 'Second alternate mentor (optional)' },
  areas: { id: 'areas', label: 'Areas of guidance' },
  goals: { id: 'goals', label: 'Your goals' },
  term: { id: 'term', label: 'Term' },
  format: { id: 'format', label: 'Preferred format' },
  languages: { id: 'languages', label: 'Languages you can be mentored in' },
  timezone: { id: 'timezone', label: 'Your time zone (optional)' },
  stage: { id: 'stage', label: 'Your career stage (optional)' },
  about: { id: 'about', label: 'About you' },
  coc: { id: 'coc', label: 'Code of Conduct' },
} as const;
