/**
 * Building blocks of GitHub issue forms (`.github/ISSUE_TEMPLATE/*.yml`), shared by the request, mentor
 * application and cohort application forms so every form writes its fields the same way.
 */

export interface FormField {
  id: string;
  label: string;
}

export function inputField(f: FormField, description: string, required: boolean, placeholder = '') {
  return {
    type: 'input',
    id: f.id,
    attributes: { label: f.label, description, ...(placeholder ? { placeholder } : {}) },
    validations: { required },
  };
}

export function textareaField(f: FormField, description: string, required: boolean) {
  return { type: 'textarea', id: f.id, attributes: { label: f.label, description }, validations: { required } };
}

export function dropdownField(f: FormField, description: string, options: string[], o: { multiple: boolean; required: boolean }) {
  return {
    type: 'dropdown',
    id: f.id,
    attributes: { label: f.label, description, ...(o.multiple ? { multiple: true } : {}), options },
    validations: { required: o.required },
  };
}

/** The required boxes under the Code of Conduct and the mentoring agreement, which every form ends with. */
export function agreementField(f: FormField, site: string, options: readonly string[]) {
  return {
    type: 'checkboxes',
    id: f.id,
    attributes: {
      label: f.label,
      description: `Read the [Code of Conduct](${site}code-of-conduct/) and the [mentoring agreement](${site}agreement/).`,
      options: options.map((label) => ({ label, required: true })),
    },
  };
}
