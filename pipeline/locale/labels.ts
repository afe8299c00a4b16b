/** The few words galley itself puts on a page, in the document's language. */
export interface Labels {
  contents: string;
  keywords: string;
  abstract: string;
  notes: string;
  backToContent: string;
  /** The heading of the reference list. */
  references: string;
  /** Before a figure's number. */
  figure: string;
  /** Between names in a list of authors. */
  authorSeparator: string;
  /** Before the names of a text's translators. */
  translatedBy: string;
}

const LABELS: Record<'hant' | 'hans' | 'en', Labels> = {
  hant: { contents: '目錄', keywords: '關鍵詞', abstract: '摘要', notes: '註釋', backToContent: '返回正文', references: '參考文獻', figure: '圖', authorSeparator: '、', translatedBy: '譯者：' },
  hans: { contents: '目录', keywords: '关键词', abstract: '摘要', notes: '注释', backToContent: '返回正文', references: '参考文献', figure: '图', authorSeparator: '、', translatedBy: '译者：' },
  en: { contents: 'Contents', keywords: 'Keywords', abstract: 'Abstract', notes: 'Notes', backToContent: 'Back to content', references: 'References', figure: 'Figure', authorSeparator: ', ', translatedBy: 'Translated by ' },
};

export function labelsFor(lang: string): Labels {
  if (/^zh-(Hans|CN|SG)/i.test(lang)) return LABELS.hans;
  if (/^zh/i.test(lang)) return LABELS.hant;
  return LABELS.en;
}
