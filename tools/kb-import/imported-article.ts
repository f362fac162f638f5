/** What an importer could read from one file, before it is written as a draft article. */
export interface ImportedArticle {
  /** KB123456 from a vendor article id; undefined when the file has none (a new EXB id is given). */
  id?: string;
  title?: string;
  products: string[];
  keywords: string[];
  sections: Array<{ heading: string; paragraphs: string[] }>;
  source: { ref: string; title: string };
  /** A one-paragraph description, when the file has one of its own (HTML meta description). */
  description?: string;
  /** Everything the importer saw but could not place, for the owner to look at. */
  unmapped: string[];
}
