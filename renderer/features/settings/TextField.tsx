import type { HTMLInputTypeAttribute } from 'react';

/** A labelled text input with the validation message of its field under it. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  issue?: string;
  type?: HTMLInputTypeAttribute;
  placeholder?: string;
  disabled?: boolean;
  testId: string;
}) {
  const id = `node-field-${props.testId}`;
  return (
    <div className="form-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        data-testid={`node-${props.testId}`}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        autoComplete={props.type === 'password' ? 'new-password' : 'off'}
        aria-invalid={props.issue ? true : undefined}
        aria-describedby={props.issue ? `${id}-issue` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.issue && (
        <span id={`${id}-issue`} className="field-issue" data-testid={`issue-${props.testId}`}>
          {props.issue}
        </span>
      )}
    </div>
  );
}
