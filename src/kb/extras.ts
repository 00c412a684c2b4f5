// Country names and demonyms that world-countries lacks but reporting uses every day.
export const EXTRA_COUNTRY_NAMES: Record<string, string[]> = {
  US: ["U.S.", "U.S.A.", "America", "United States of America"],
  GB: ["Britain", "U.K.", "Great Britain"],
  AE: ["UAE", "U.A.E.", "Emirates"],
  KP: ["DPRK", "North Korea", "Democratic People's Republic of Korea"],
  KR: ["ROK", "South Korea", "Republic of Korea"],
  RU: ["Russian Federation"],
  // world-countries now names it Türkiye; news still mostly writes Turkey
  TR: ["Turkey", "Türkiye", "Turkiye"],
  CZ: ["Czech Republic"],
  MM: ["Burma"],
  CI: ["Ivory Coast"],
  // "Congo" alone is either; the document's other places choose ("Goma", "Kinshasa"; "Brazzaville")
  CD: ["DRC", "DR Congo", "Democratic Republic of the Congo", "Congo", "Congo-Kinshasa"],
  CG: ["Congo-Brazzaville", "Republic of Congo"],
  TW: ["Republic of China"],
  CN: ["PRC", "People's Republic of China", "mainland China"],
  VA: ["Holy See"],
  PS: ["Palestinian territories"],
  SY: ["Syrian Arab Republic"],
  VI: ["U.S. Virgin Islands", "US Virgin Islands", "USVI"],
  // (GeoNames gives "NZ" to two villages of Tokelau, which no story means by it)
  NZ: ["NZ", "N.Z."],
  SA: ["KSA"],
  PG: ["PNG"],
  HK: ["HK"],
};

/** Names reporting uses for cities whose GeoNames name is longer ("Washington, D.C."), by geonameid. */
export const EXTRA_CITY_NAMES: Record<number, string[]> = {
  4140963: ["Washington", "Washington DC", "Washington D.C."],
  5128581: ["New York", "NYC"],
};

/**
 * Demonyms of states, provinces and regions news names their people by ("Ohioans", "Ontarians", "South
 * Ossetian forces"), by the place's id. Left out: those another place or an outlet shares ("Georgian",
 * "New Yorker", "Hawaiian").
 */
export const REGION_DEMONYMS: Record<string, string[]> = {
  "us-ohio": ["Ohioan", "Ohioans"],
  "us-texas": ["Texan", "Texans"],
  "us-california": ["Californian", "Californians"],
  "us-florida": ["Floridian", "Floridians"],
  "us-alaska": ["Alaskan", "Alaskans"],
  "us-arizona": ["Arizonan", "Arizonans"],
  "us-oklahoma": ["Oklahoman", "Oklahomans"],
  "us-virginia": ["Virginian", "Virginians"],
  "us-michigan": ["Michigander", "Michiganders"],
  "us-minnesota": ["Minnesotan", "Minnesotans"],
  "us-tennessee": ["Tennessean", "Tennesseans"],
  "us-kentucky": ["Kentuckian", "Kentuckians"],
  "us-louisiana": ["Louisianan", "Louisianans", "Louisianian", "Louisianians"],
  "ca-ontario": ["Ontarian", "Ontarians"],
  "ca-quebec": ["Quebecer", "Quebecers", "Quebecker", "Quebeckers"],
  "ca-alberta": ["Albertan", "Albertans"],
  "south-ossetia": ["South Ossetian", "South Ossetians"],
  abkhazia: ["Abkhaz", "Abkhazian", "Abkhazians"],
  crimea: ["Crimean", "Crimeans"],
  kashmir: ["Kashmiri", "Kashmiris"],
};

/** Demonyms of continents: "European officials", "African Union" (the latter is caught as an actor first). */
export const CONTINENT_DEMONYMS: Record<string, string[]> = {
  Europe: ["European", "Europeans"],
  Africa: ["African", "Africans"],
  Asia: ["Asian", "Asians"],
  "North America": ["North American", "North Americans"],
  "South America": ["South American", "South Americans"],
  "Central America": ["Central American", "Central Americans"],
  "Latin America": ["Latin American", "Latin Americans"],
};

export const EXTRA_DEMONYMS: Record<string, string[]> = {
  US: ["American", "Americans"],
  GB: ["British", "Briton", "Britons"],
  AE: ["Emirati", "Emiratis"],
  SA: ["Saudi", "Saudis"],
  KP: ["North Korean", "North Koreans"],
  KR: ["South Korean", "South Koreans"],
  NL: ["Dutch"],
  PH: ["Philippine", "Filipino", "Filipinos"],
  CN: ["Chinese"],
  JP: ["Japanese"],
  TW: ["Taiwanese"],
  VN: ["Vietnamese"],
  IL: ["Israeli", "Israelis"],
  PS: ["Palestinian", "Palestinians"],
  AF: ["Afghan", "Afghans"],
  FR: ["French"],
  DE: ["German", "Germans"],
  ES: ["Spanish"],
  PL: ["Polish", "Pole", "Poles"],
  TR: ["Turkish", "Turks"],
  DK: ["Danish"],
  SE: ["Swedish"],
  FI: ["Finnish", "Finns"],
  NO: ["Norwegian", "Norwegians"],
  IE: ["Irish"],
  CH: ["Swiss"],
  PT: ["Portuguese"],
  BY: ["Belarusian", "Belarusians", "Belarussian"],
  UA: ["Ukrainian", "Ukrainians"],
  RU: ["Russian", "Russians"],
  IR: ["Iranian", "Iranians"],
  IQ: ["Iraqi", "Iraqis"],
  YE: ["Yemeni", "Yemenis"],
  PK: ["Pakistani", "Pakistanis"],
  BD: ["Bangladeshi", "Bangladeshis"],
  NZ: ["New Zealander", "New Zealanders"],
  AZ: ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"],
  GY: ["Guyanese"],
  LB: ["Lebanese"],
  SD: ["Sudanese"],
  SS: ["South Sudanese"],
  CU: ["Cuban", "Cubans"],
  VE: ["Venezuelan", "Venezuelans"],
  CO: ["Colombian", "Colombians"],
};
