/**
 * The fakes held to @types/google-apps-script at compile time: each method a fake implements
 * exists on the real interface under that name and takes what the real one takes (primitive
 * parameters exactly; object parameters, which are other fakes here, by position). A fake
 * that drifts from the API's signatures fails `npm run typecheck`.
 */
import type { FakeCache } from './cache';
import type { FakeLock, FakeProperties } from './services';
import type { FakeRange, FakeSheet, FakeSpreadsheet, FakeTextFinder } from './sheets';
import type { FakeDataValidation, FakeDataValidationBuilder } from './validation';

type Loose<T> = T extends string | number | boolean | null | undefined ? T : T extends readonly (infer U)[] ? Loose<U>[] : unknown;
type LooseParams<F> = F extends (...args: infer A) => unknown ? { [I in keyof A]: Loose<A[I]> } : never;

/** True when every call the real method accepts, the fake accepts too; otherwise the name of the method. */
type Implements<Fake, Real, K extends keyof Fake & keyof Real> = {
  [M in K]: LooseParams<Real[M]> extends LooseParams<Fake[M]> ? true : M;
}[K];

type Assert<T extends true> = T;

export type Checked = [
  Assert<
    Implements<
      FakeRange,
      GoogleAppsScript.Spreadsheet.Range,
      | 'getValues'
      | 'getValue'
      | 'setValues'
      | 'setValue'
      | 'getDisplayValue'
      | 'getFormula'
      | 'getFormulas'
      | 'setFormula'
      | 'getNote'
      | 'getNotes'
      | 'setNotes'
      | 'setNote'
      | 'getNumberFormat'
      | 'getNumberFormats'
      | 'setNumberFormat'
      | 'getDataValidation'
      | 'getDataValidations'
      | 'setDataValidation'
      | 'clearDataValidations'
      | 'getA1Notation'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getSheet'
      | 'clearContent'
      | 'setFontWeight'
    >
  >,
  Assert<
    Implements<
      FakeSheet,
      GoogleAppsScript.Spreadsheet.Sheet,
      | 'getName'
      | 'setName'
      | 'getParent'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'getDataRange'
      | 'getRange'
      | 'insertRowsAfter'
      | 'insertRowAfter'
      | 'insertRowsBefore'
      | 'insertColumnsAfter'
      | 'insertColumnAfter'
      | 'insertColumnsBefore'
      | 'deleteRow'
      | 'deleteRows'
      | 'deleteColumn'
      | 'deleteColumns'
      | 'getConditionalFormatRules'
      | 'setConditionalFormatRules'
      | 'setFrozenRows'
      | 'createTextFinder'
    >
  >,
  Assert<
    Implements<
      FakeSpreadsheet,
      GoogleAppsScript.Spreadsheet.Spreadsheet,
      | 'getSheets'
      | 'getSheetByName'
      | 'insertSheet'
      | 'deleteSheet'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'getActiveRange'
      | 'getSpreadsheetTimeZone'
      | 'toast'
      | 'createTextFinder'
    >
  >,
  Assert<
    Implements<
      FakeTextFinder,
      GoogleAppsScript.Spreadsheet.TextFinder,
      'matchFormulaText' | 'useRegularExpression' | 'matchCase' | 'matchEntireCell' | 'findAll'
    >
  >,
  Assert<
    Implements<
      FakeDataValidation,
      GoogleAppsScript.Spreadsheet.DataValidation,
      'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText'
    >
  >,
  Assert<
    Implements<
      FakeDataValidationBuilder,
      GoogleAppsScript.Spreadsheet.DataValidationBuilder,
      | 'requireValueInList'
      | 'requireValueInRange'
      | 'requireCheckbox'
      | 'requireNumberBetween'
      | 'setAllowInvalid'
      | 'setHelpText'
      | 'build'
    >
  >,
  Assert<Implements<FakeCache, GoogleAppsScript.Cache.Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'>>,
  Assert<
    Implements<FakeProperties, GoogleAppsScript.Properties.Properties, 'getProperty' | 'getProperties' | 'setProperty' | 'deleteProperty'>
  >,
  Assert<Implements<FakeLock, GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'>>,
];
