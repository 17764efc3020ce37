import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/shared/personal-data";

describe("htmlToText", () => {
  it("strips tags and keeps the text of inline elements together", () => {
    expect(htmlToText("<p>Pnr <b>1912</b><span>1212</span>-<i>1212</i></p>")).toBe(
      "Pnr 19121212-1212",
    );
  });

  it("turns block elements and <br> into line breaks and collapses white space", () => {
    expect(htmlToText("<div>Rad   ett\n</div><div>Rad två<br>Rad tre</div><p>  Sista </p>")).toBe(
      "Rad ett\nRad två\nRad tre\nSista",
    );
    expect(htmlToText("a<br><br><br><br>b")).toBe("a\n\nb");
    expect(htmlToText("<table><tr><td>Namn</td><td>Anna</td></tr></table>")).toBe("Namn Anna");
  });

  it("decodes named and numeric entities", () => {
    expect(
      htmlToText("V&auml;ster&aring;s &amp; G&ouml;teborg &lt;3 &#8211; &#x2013; &euro;"),
    ).toBe("Västerås & Göteborg <3 \u2013 \u2013 \u20ac");
    expect(htmlToText("&#49;&#57;&#49;&#50;&#49;&#50;&#49;&#50;&#45;&#49;&#50;&#49;&#50;")).toBe(
      "19121212-1212",
    );
    expect(htmlToText("a&nbsp;b &nbsp c &unknown; &constructor; &#0; &#xD800; &#99999999;")).toBe(
      "a\u00a0b \u00a0 c &unknown; &constructor; \ufffd \ufffd \ufffd",
    );
  });

  it("drops comments, Word's conditional comments, <style>, <script>, <xml> and declarations", () => {
    const word = [
      '<?xml version="1.0"?><!DOCTYPE html><html xmlns:o="urn:schemas-microsoft-com:office:office">',
      "<head><!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->",
      "<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt;} --></style>",
      "<script>var pnr = '19121212-1212';</script></head>",
      '<body lang="SV"><p class="MsoNormal">Hej<o:p></o:p></p>',
      '<p class="MsoListParagraph"><![if !supportLists]>1.<![endif]>Punkt</p>',
      "<!--[if !supportLists]--><p>Lista</p><!--[endif]--><!-- en kommentar --></body></html>",
    ].join("");
    expect(htmlToText(word)).toBe("Hej\n1.Punkt\nLista");
  });

  it("keeps text after broken markup instead of hiding it", () => {
    expect(htmlToText("a < b och 19121212-1212")).toBe("a < b och 19121212-1212");
    expect(htmlToText("x <!-- aldrig stängd 19121212-1212")).toBe(
      "x <!-- aldrig stängd 19121212-1212",
    );
    expect(htmlToText("<style>p{} 19121212-1212")).toBe("p{} 19121212-1212");
    expect(htmlToText("a <b och 19121212-1212")).toBe("a <b och 19121212-1212");
    expect(htmlToText("1 <2 och 3 > 2")).toBe("1 <2 och 3 > 2");
  });

  it("handles Outlook on the web's and Mac Mail's documents and upper-case tags", () => {
    const html =
      '<HTML><BODY><DIV id="x_divtagdefaultwrapper" dir="ltr"><P>Tel&nbsp;070-174&nbsp;06&nbsp;05</P></DIV></BODY></HTML>';
    expect(htmlToText(html)).toBe("Tel\u00a0070-174\u00a006\u00a005");
  });

  it("returns an empty string for empty or tag-only input", () => {
    expect(htmlToText("")).toBe("");
    expect(htmlToText("<div><br></div><p></p>")).toBe("");
  });
});
