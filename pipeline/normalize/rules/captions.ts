/**
 * captions: a scraped page keeps the credit and caption lines of its pictures but not the
 * pictures (`图片来源：视觉中国`, `圖／記者林佳慧攝`, `Image caption: …`). Without the picture they
 * describe nothing, so they go, each reported with its text. A line goes only when it is the
 * credit or caption form as a whole; a sentence that mentions a photo stays.
 */

/** `图片来源：视觉中国`, `（图片来源：网络）`, `图源：新华社`, `圖片提供／南投縣政府`, `图片来源于网络`. */
const PICTURE_SOURCE = /^[（(【[]?\s*(?:[图圖]片|[图圖])\s*(?:[来來]源|[来來]自|提供|源)\s*(?:[于於]|[:：/／|｜])?\s*[^\s。！？，,；;（）()]{0,30}\s*[)）】\]]?$/u;
/** `圖／記者林佳慧攝`, `图/新华社`, `攝影／陳大文`, `圖文／王小明`: the picture's credit after a slash. */
const SLASH_CREDIT = /^[（(]?\s*(?:[图圖]|[图圖]文|[摄攝]影|照片)\s*[/／|｜]\s*[^\s。！？，,；;]{1,20}(?:\s+[^\s。！？，,；;]{1,12}){0,2}\s*[)）]?$/u;
/** `新华社记者 王明 摄`, `（記者林佳慧攝）`: a photographer's credit, ending in 摄. */
const SHOT_BY = /^(?:[（(]\s*[^\s。！？，,；;：:（）()]{0,12}\s*[^\s。！？，,；;：:（）()]{1,8}(?<![拍航抓偷自跟实實合])[摄攝]影?\s*[)）]|[^\s。！？，,；;：:（）()]{0,12}[记記]者\s*[^\s。！？，,；;：:（）()]{2,8}(?<![拍航抓偷自跟实實合])\s*[摄攝]影?|[^\s。！？，,；;：:（）()]{0,12}\s*[^\s。！？，,；;：:（）()]{2,8}\s+[摄攝]影?)$/u;
/** `▲夜市攤商嘗試外送。（圖／記者林佳慧攝）`, `图为…（记者 王明 摄）`: a caption closed by its credit. */
const CAPTIONED = /[（(]\s*(?:(?:[图圖]|[摄攝]影|照片)\s*[/／:：]\s*[^（）()]{1,30}|[^（）()。！？]{0,16}[摄攝](?:影)?)\s*[)）]$/u;
/** `圖說：…`, `图注：…`, `▲图为…`: a caption by its label or its mark. */
const CAPTION_LABEL = /^(?:[图圖][说說注]\s*[:：]|[▲△]\s*(?:[图圖][为為片中]|[上下左右][图圖]))/u;
/** `Image caption: …`, `Image source, Getty Images`, `Photo: Jane Doe/Reuters`, `Photo by … on Unsplash`. */
const ENGLISH = /^\(?(?:(?:Image|Photo|Picture|Video)\s+(?:caption|source|copyright|credit)s?\s*[:,]\s*\S|(?:Photo|Photograph|Picture|Image|Illustration)s?\s*:\s*\S.{0,80}$|(?:Photo|Photograph|Picture|Image)s?\s+(?:by|courtesy\s+of)\s+[A-Z].{0,60}$)/u;

/** Whether the line is a picture's credit or caption, standing alone. */
export function isCaptionLine(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 300) return false;
  const last = t.at(-1)!;
  const first = t[0]!;
  if (/[A-Z(]/u.test(first) && ENGLISH.test(t)) return true;
  if (t.length > 120) return false;
  if ('图圖（(【[摄攝照'.includes(first) && (PICTURE_SOURCE.test(t) || SLASH_CREDIT.test(t))) return true;
  if ((last === '摄' || last === '攝' || last === '影' || last === '）' || last === ')') && t.length <= 30 && SHOT_BY.test(t)) return true;
  if ((last === '）' || last === ')') && CAPTIONED.test(t) && (CAPTION_LABEL.test(t) || /^[图圖][为為]|^[上下左右][图圖]/u.test(t) || (t.match(/[。！？]/gu)?.length ?? 0) <= 1)) return true;
  return CAPTION_LABEL.test(t) && t.length <= 100 && !/\n/u.test(t);
}
