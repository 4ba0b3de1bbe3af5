/**
 * Data validation rules (dropdowns and checkboxes) as SpreadsheetApp exposes them:
 * DataValidationBuilder (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder:
 * requireValueInList, requireValueInRange, requireCheckbox, setAllowInvalid, build) and
 * DataValidation (.../data-validation: getCriteriaType, getCriteriaValues, getAllowInvalid).
 * A rule with setAllowInvalid(false) ("Reject the input" in the Data validation panel) makes a
 * script's write of a value outside it throw, as a person's typing is refused
 * (support.google.com/docs "Create an in-cell drop-down list": "Reject the input").
 */
import type { Value } from './typing';

export type CriteriaType = 'VALUE_IN_LIST' | 'VALUE_IN_RANGE' | 'CHECKBOX' | 'NUMBER_BETWEEN';

/** SpreadsheetApp.DataValidationCriteria, the enum getCriteriaType() returns. */
export const DATA_VALIDATION_CRITERIA: Record<CriteriaType, CriteriaType> = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CHECKBOX: 'CHECKBOX',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
};

/** What a range-based list reads: the values of its range at the moment of checking. */
export interface ListSource {
  getValues(): Value[][];
}

export class FakeDataValidation {
  constructor(
    readonly criteria: CriteriaType,
    readonly values: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText = '',
  ) {}
  getCriteriaType() {
    return this.criteria;
  }
  getCriteriaValues() {
    return [...this.values];
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
  getHelpText() {
    return this.helpText;
  }
  /** Whether a value (as stored after typing) passes the rule; a blank cell always does. */
  accepts(value: Value): boolean {
    if (value === '') return true;
    const text = value instanceof Date ? value.toISOString() : String(value);
    switch (this.criteria) {
      case 'VALUE_IN_LIST':
        // Matched as the cell shows it, exactly: stricter than Sheets where it would fold case.
        return (this.values[0] as readonly unknown[]).some((entry) => String(entry) === text);
      case 'VALUE_IN_RANGE':
        return (this.values[0] as ListSource).getValues().some((row) => row.some((entry) => entry !== '' && String(entry) === text));
      case 'CHECKBOX':
        return this.values.length === 0 ? typeof value === 'boolean' : this.values.some((entry) => String(entry) === text);
      case 'NUMBER_BETWEEN':
        return typeof value === 'number' && value >= Number(this.values[0]) && value <= Number(this.values[1]);
    }
  }
}

export class FakeDataValidationBuilder {
  private criteria: CriteriaType = 'VALUE_IN_LIST';
  private values: unknown[] = [[]];
  // The builder's default, per the reference: invalid input gets a warning, not a refusal.
  private allowInvalid = true;
  private helpText = '';
  requireValueInList(values: string[], _showDropdown = true) {
    this.criteria = 'VALUE_IN_LIST';
    this.values = [[...values], _showDropdown];
    return this;
  }
  requireValueInRange(range: ListSource, _showDropdown = true) {
    this.criteria = 'VALUE_IN_RANGE';
    this.values = [range, _showDropdown];
    return this;
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    this.criteria = 'CHECKBOX';
    this.values = checked === undefined ? [] : [checked, unchecked ?? false];
    return this;
  }
  requireNumberBetween(start: number, end: number) {
    this.criteria = 'NUMBER_BETWEEN';
    this.values = [start, end];
    return this;
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this;
  }
  build() {
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}
