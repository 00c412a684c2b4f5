// US states: postal code, name, and the AP-style abbreviations local reporting writes after a city ("Gainesville, Va.").
export const US_STATES: Array<[string, string, string[]]> = [
  ["AL", "Alabama", ["Ala"]],
  ["AK", "Alaska", []],
  ["AZ", "Arizona", ["Ariz"]],
  ["AR", "Arkansas", ["Ark"]],
  ["CA", "California", ["Calif", "Cal"]],
  ["CO", "Colorado", ["Colo"]],
  ["CT", "Connecticut", ["Conn"]],
  ["DE", "Delaware", ["Del"]],
  ["FL", "Florida", ["Fla"]],
  ["GA", "Georgia", ["Ga"]],
  ["HI", "Hawaii", []],
  ["ID", "Idaho", []],
  ["IL", "Illinois", ["Ill"]],
  ["IN", "Indiana", ["Ind"]],
  ["IA", "Iowa", []],
  ["KS", "Kansas", ["Kan", "Kans"]],
  ["KY", "Kentucky", ["Ky"]],
  ["LA", "Louisiana", ["La"]],
  ["ME", "Maine", []],
  ["MD", "Maryland", ["Md"]],
  ["MA", "Massachusetts", ["Mass"]],
  ["MI", "Michigan", ["Mich"]],
  ["MN", "Minnesota", ["Minn"]],
  ["MS", "Mississippi", ["Miss"]],
  ["MO", "Missouri", ["Mo"]],
  ["MT", "Montana", ["Mont"]],
  ["NE", "Nebraska", ["Neb", "Nebr"]],
  ["NV", "Nevada", ["Nev"]],
  ["NH", "New Hampshire", ["N.H"]],
  ["NJ", "New Jersey", ["N.J"]],
  ["NM", "New Mexico", ["N.M"]],
  ["NY", "New York", ["N.Y"]],
  ["NC", "North Carolina", ["N.C"]],
  ["ND", "North Dakota", ["N.D"]],
  ["OH", "Ohio", []],
  ["OK", "Oklahoma", ["Okla"]],
  ["OR", "Oregon", ["Ore"]],
  ["PA", "Pennsylvania", ["Pa", "Penn"]],
  ["RI", "Rhode Island", ["R.I"]],
  ["SC", "South Carolina", ["S.C"]],
  ["SD", "South Dakota", ["S.D"]],
  ["TN", "Tennessee", ["Tenn"]],
  ["TX", "Texas", ["Tex"]],
  ["UT", "Utah", []],
  ["VT", "Vermont", ["Vt"]],
  ["VA", "Virginia", ["Va"]],
  ["WA", "Washington", ["Wash"]],
  ["WV", "West Virginia", ["W.Va"]],
  ["WI", "Wisconsin", ["Wis", "Wisc"]],
  ["WY", "Wyoming", ["Wyo"]],
  ["DC", "District of Columbia", ["D.C"]],
];

/**
 * A state name or abbreviation as looked up: its letters in lower case ("D.C." and "dc" are one key), i.e.
 * text.toLowerCase().replace(/[^a-z]/g, ""). The replace runs only when the lower case has a character
 * other than a-z: most names asked about are one plain word ("Texas", "Paris"), which are their own key.
 */
function stateKey(text: string): string {
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 97 || c > 122) return lower.replace(/[^a-z]/g, "");
  }
  return lower;
}

const BY_KEY = new Map<string, string>();
for (const [code, name, abbrs] of US_STATES) {
  BY_KEY.set(stateKey(name), code);
  for (const a of abbrs) BY_KEY.set(stateKey(a), code);
}

/** Postal code for a state name, AP abbreviation or postal code written after a city; undefined otherwise. */
export function usStateCode(text: string, allowPostal: boolean): string | undefined {
  const hit = BY_KEY.get(stateKey(text));
  if (hit) return hit;
  if (allowPostal && /^[A-Z]{2}$/.test(text) && US_STATES.some(([c]) => c === text)) return text;
  return undefined;
}

export function usStateName(code: string): string | undefined {
  return US_STATES.find(([c]) => c === code)?.[1];
}
