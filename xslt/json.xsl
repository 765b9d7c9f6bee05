<?xml version="1.0" encoding="UTF-8"?>
<!--
  json.xsl: the metadata and an outline of a teikit TEI document as one JSON document.

  Output (described member by member in schemas/teikit-json.schema.json):
    {
      "title":          the title (titleStmt/title)
      "date":           {"text", "when"} of the creation date (else the citation's), or null
      "languages":      [{"code", "name"}] from langUsage
      "summary":        the abstract (paragraphs separated by "\n"), or null
      "url":            the document's address (publicationStmt/idno type="URI"), or null
      "citation":       {"text", "title", "date", "publisher", "archive", "reference",
                         "author", "source_title", "source_publisher", "source_place",
                         "source_date", "translator"} from sourceDesc/bibl (a member is
                         null when the citation lacks it), or null without a citation
      "fields":         [{"name", "value"}] the transcript fields of notesStmt
      "correspondence": {"sent": [{"name", "kind"}], "received": [...], "date", "place"}
                        from correspDesc, or null
      "recipients":     [{"position", "name", "kind"}] the items of the distribution
                        lists, else the addressees of the received correspAction
      "notes":          [{"n", "id", "text"}] every note of the text, in document order
      "outline":        the blocks of the text in order: {"type": "opener" | "closer" |
                        "p" | "head" | "list" | "sp" | "pb" | "div" | "other", ...}
    }
  Texts are plain: white space normalised, a line break (lb, a paragraph of a note) kept
  as "\n", editorial marks as in the transcripts ([political], word [sic], [...],
  [illegible], [laughter]), a note's anchor as [n].

  The output is pretty-printed exactly as JSON.stringify(value, null, 2) would print it
  (2-space indentation, "key": value), so it can be compared byte for byte.

  Parameters
    excerpt   how many characters of a paragraph, opener, closer or other block the
              outline keeps (default 80); 0 or less: the whole text.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:str="http://exslt.org/strings"
                extension-element-prefixes="str"
                exclude-result-prefixes="tei">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="excerpt" select="80"/>

  <xsl:variable name="NL" select="'&#10;'"/>
  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="fd" select="$header/tei:fileDesc"/>
  <xsl:variable name="pd" select="$header/tei:profileDesc"/>
  <xsl:variable name="bibl" select="$fd/tei:sourceDesc/tei:bibl[1]"/>

  <!-- ================================================================== -->
  <!-- The document                                                        -->
  <!-- ================================================================== -->

  <xsl:template match="/">
    <xsl:variable name="date" select="($pd/tei:creation//tei:date | $bibl/tei:date[not(@type = 'publication')])[1]"/>
    <xsl:variable name="url" select="($fd/tei:publicationStmt/tei:idno[translate(@type, 'URIL', 'uril') = 'uri' or translate(@type, 'URL', 'url') = 'url'] | $bibl//tei:ref/@target)[1]"/>
    <xsl:variable name="cd" select="$pd/tei:correspDesc[1]"/>

    <xsl:text>{&#10;  "title": </xsl:text>
    <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$fd/tei:titleStmt/tei:title[1]"/></xsl:call-template>

    <!-- date -->
    <xsl:text>,&#10;  "date": </xsl:text>
    <xsl:choose>
      <xsl:when test="$date">
        <xsl:text>{&#10;    "text": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$date[normalize-space()]"/></xsl:call-template>
        <xsl:text>,&#10;    "when": </xsl:text>
        <xsl:call-template name="str"><xsl:with-param name="nodes" select="$date/@when"/></xsl:call-template>
        <xsl:text>&#10;  }</xsl:text>
      </xsl:when>
      <xsl:otherwise>null</xsl:otherwise>
    </xsl:choose>

    <!-- languages -->
    <xsl:text>,&#10;  "languages": </xsl:text>
    <xsl:call-template name="array">
      <xsl:with-param name="items" select="$pd/tei:langUsage/tei:language"/>
      <xsl:with-param name="ind" select="'  '"/>
    </xsl:call-template>

    <!-- summary, url -->
    <xsl:text>,&#10;  "summary": </xsl:text>
    <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$pd/tei:abstract[normalize-space()]/*"/></xsl:call-template>
    <xsl:text>,&#10;  "url": </xsl:text>
    <xsl:call-template name="str"><xsl:with-param name="nodes" select="$url"/></xsl:call-template>

    <!-- citation -->
    <xsl:text>,&#10;  "citation": </xsl:text>
    <xsl:choose>
      <xsl:when test="$bibl">
        <!-- the translators named in the citation, else those of the titleStmt -->
        <xsl:variable name="bt" select="$bibl/tei:respStmt[contains(translate(tei:resp, 'T', 't'), 'translat')]/*[not(self::tei:resp or self::tei:note)]"/>
        <xsl:variable name="tt" select="$fd/tei:titleStmt/tei:respStmt[contains(translate(tei:resp, 'T', 't'), 'translat')]/*[not(self::tei:resp or self::tei:note)]"/>
        <xsl:text>{&#10;    "text": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl"/></xsl:call-template>
        <xsl:text>,&#10;    "title": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl/tei:title[not(@level) or @level = 'a'][1]"/></xsl:call-template>
        <xsl:text>,&#10;    "date": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl/tei:date[not(@type = 'publication')][1]"/></xsl:call-template>
        <xsl:text>,&#10;    "publisher": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl/tei:publisher[1]"/></xsl:call-template>
        <xsl:text>,&#10;    "archive": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl//tei:orgName[@type = 'archive'] | $bibl//tei:repository"/><xsl:with-param name="sep" select="', '"/></xsl:call-template>
        <xsl:text>,&#10;    "reference": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl//tei:idno[not(@type = 'URI' or @type = 'url' or @type = 'URL')]"/><xsl:with-param name="sep" select="', '"/></xsl:call-template>
        <xsl:text>,&#10;    "author": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl/tei:author"/><xsl:with-param name="sep" select="', '"/></xsl:call-template>
        <xsl:text>,&#10;    "source_title": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl/tei:title[@level and @level != 'a'][1]"/></xsl:call-template>
        <xsl:text>,&#10;    "source_publisher": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl/tei:title[@level and @level != 'a'][1]/following-sibling::tei:publisher[1]"/></xsl:call-template>
        <xsl:text>,&#10;    "source_place": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl/tei:pubPlace[1]"/></xsl:call-template>
        <xsl:text>,&#10;    "source_date": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bibl/tei:date[@type = 'publication'][1]"/></xsl:call-template>
        <xsl:text>,&#10;    "translator": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="$bt | $tt[not($bt)]"/><xsl:with-param name="sep" select="', '"/></xsl:call-template>
        <xsl:text>&#10;  }</xsl:text>
      </xsl:when>
      <xsl:otherwise>null</xsl:otherwise>
    </xsl:choose>

    <!-- fields -->
    <xsl:text>,&#10;  "fields": </xsl:text>
    <xsl:call-template name="array">
      <xsl:with-param name="items" select="$fd/tei:notesStmt/tei:note"/>
      <xsl:with-param name="ind" select="'  '"/>
    </xsl:call-template>

    <!-- correspondence -->
    <xsl:text>,&#10;  "correspondence": </xsl:text>
    <xsl:choose>
      <xsl:when test="$cd">
        <xsl:variable name="sent" select="$cd/tei:correspAction[@type = 'sent']"/>
        <xsl:text>{&#10;    "sent": </xsl:text>
        <xsl:call-template name="array">
          <xsl:with-param name="items" select="$sent/*[self::tei:persName or self::tei:orgName or self::tei:name or self::tei:roleName or self::tei:rs]"/>
          <xsl:with-param name="ind" select="'    '"/>
        </xsl:call-template>
        <xsl:text>,&#10;    "received": </xsl:text>
        <xsl:call-template name="array">
          <xsl:with-param name="items" select="$cd/tei:correspAction[@type = 'received']/*[self::tei:persName or self::tei:orgName or self::tei:name or self::tei:roleName or self::tei:rs]"/>
          <xsl:with-param name="ind" select="'    '"/>
        </xsl:call-template>
        <xsl:text>,&#10;    "date": </xsl:text>
        <xsl:call-template name="str"><xsl:with-param name="nodes" select="($sent/tei:date/@when | $sent/tei:date/@from | $sent/tei:date/@notBefore)[1]"/></xsl:call-template>
        <xsl:text>,&#10;    "place": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="($sent/tei:placeName | $sent/tei:settlement | $sent/tei:country | $sent/tei:geogName)[1]"/></xsl:call-template>
        <xsl:text>&#10;  }</xsl:text>
      </xsl:when>
      <xsl:otherwise>null</xsl:otherwise>
    </xsl:choose>

    <!-- recipients: the distribution lists, else the received correspAction -->
    <xsl:text>,&#10;  "recipients": </xsl:text>
    <xsl:variable name="items" select="/tei:TEI/tei:text//tei:list[@type = 'distribution']/tei:item"/>
    <xsl:choose>
      <xsl:when test="$items">
        <xsl:call-template name="array">
          <xsl:with-param name="items" select="$items"/>
          <xsl:with-param name="ind" select="'  '"/>
          <xsl:with-param name="mode" select="'recipient'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="array">
          <xsl:with-param name="items" select="$cd/tei:correspAction[@type = 'received']/*[self::tei:persName or self::tei:orgName or self::tei:name or self::tei:roleName or self::tei:rs]"/>
          <xsl:with-param name="ind" select="'  '"/>
          <xsl:with-param name="mode" select="'recipient'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>

    <!-- notes -->
    <xsl:text>,&#10;  "notes": </xsl:text>
    <xsl:call-template name="array">
      <xsl:with-param name="items" select="/tei:TEI/tei:text//tei:note"/>
      <xsl:with-param name="ind" select="'  '"/>
    </xsl:call-template>

    <!-- outline -->
    <xsl:text>,&#10;  "outline": </xsl:text>
    <xsl:call-template name="array">
      <xsl:with-param name="items" select="/tei:TEI/tei:text/*[self::tei:front or self::tei:body or self::tei:back]/*"/>
      <xsl:with-param name="ind" select="'  '"/>
      <xsl:with-param name="mode" select="'outline'"/>
    </xsl:call-template>
    <xsl:text>&#10;}&#10;</xsl:text>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Arrays and their objects                                            -->
  <!-- ================================================================== -->

  <!-- A JSON array of one object per node of $items ("[]" when empty). Each object's
       members start on a line of their own, indented by $ind plus four spaces. In mode
       "outline", nodes that have no place in the outline are left out. -->
  <xsl:template name="array">
    <xsl:param name="items"/>
    <xsl:param name="ind"/>
    <xsl:param name="mode" select="''"/>
    <xsl:variable name="kept" select="$items[not($mode = 'outline') or not(self::tei:lb or self::tei:milestone
                                      or self::tei:anchor or self::tei:note or self::tei:fw)]"/>
    <xsl:choose>
      <xsl:when test="not($kept)">[]</xsl:when>
      <xsl:otherwise>
        <xsl:text>[</xsl:text>
        <xsl:for-each select="$kept">
          <xsl:if test="position() > 1">,</xsl:if>
          <xsl:value-of select="concat($NL, $ind, '  {', $NL, $ind, '    ')"/>
          <xsl:choose>
            <xsl:when test="$mode = 'recipient'">
              <xsl:apply-templates select="." mode="recipient">
                <xsl:with-param name="ind" select="concat($ind, '    ')"/>
                <xsl:with-param name="pos" select="position()"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:when test="$mode = 'outline'">
              <xsl:apply-templates select="." mode="outline">
                <xsl:with-param name="ind" select="concat($ind, '    ')"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="." mode="object">
                <xsl:with-param name="ind" select="concat($ind, '    ')"/>
              </xsl:apply-templates>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="concat($NL, $ind, '  }')"/>
        </xsl:for-each>
        <xsl:value-of select="concat($NL, $ind, ']')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The separator between two members of an object indented by $ind. -->
  <xsl:template name="next">
    <xsl:param name="ind"/>
    <xsl:value-of select="concat(',', $NL, $ind)"/>
  </xsl:template>

  <!-- {"code", "name"} of a language. -->
  <xsl:template match="tei:language" mode="object">
    <xsl:param name="ind"/>
    <xsl:text>"code": </xsl:text>
    <xsl:call-template name="str"><xsl:with-param name="nodes" select="@ident"/></xsl:call-template>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"name": </xsl:text>
    <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="self::*[normalize-space()]"/></xsl:call-template>
  </xsl:template>

  <!-- {"name", "value"} of a transcript field: the label, the rest of the note. -->
  <xsl:template match="tei:note" mode="object">
    <xsl:param name="ind"/>
    <xsl:choose>
      <xsl:when test="ancestor::tei:notesStmt">
        <xsl:text>"name": </xsl:text>
        <xsl:call-template name="text-of"><xsl:with-param name="nodes" select="tei:label[1]"/></xsl:call-template>
        <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
        <xsl:text>"value": </xsl:text>
        <xsl:call-template name="text-of">
          <xsl:with-param name="nodes" select="node()[not(self::tei:label)]"/>
          <xsl:with-param name="sep" select="''"/>
          <xsl:with-param name="empty" select="'&quot;&quot;'"/>
        </xsl:call-template>
      </xsl:when>
      <!-- {"n", "id", "text"} of a note of the text -->
      <xsl:otherwise>
        <xsl:text>"n": </xsl:text>
        <xsl:call-template name="quote">
          <xsl:with-param name="s"><xsl:call-template name="note-number"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
        <xsl:text>"id": </xsl:text>
        <xsl:call-template name="str"><xsl:with-param name="nodes" select="@xml:id"/></xsl:call-template>
        <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
        <xsl:text>"text": </xsl:text>
        <xsl:call-template name="text-of">
          <xsl:with-param name="nodes" select="node()"/>
          <xsl:with-param name="sep" select="''"/>
          <xsl:with-param name="empty" select="'&quot;&quot;'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- {"name", "kind"} of a sender or an addressee. -->
  <xsl:template match="*" mode="object">
    <xsl:param name="ind"/>
    <xsl:text>"name": </xsl:text>
    <xsl:call-template name="text-of">
      <xsl:with-param name="nodes" select="."/>
      <xsl:with-param name="empty" select="'&quot;&quot;'"/>
    </xsl:call-template>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"kind": </xsl:text>
    <xsl:call-template name="kind"/>
  </xsl:template>

  <!-- {"position", "name", "kind"} of a recipient: an item of a distribution list (named
       by its first name element, else by its text) or an addressee. -->
  <xsl:template match="*" mode="recipient">
    <xsl:param name="ind"/>
    <xsl:param name="pos"/>
    <xsl:variable name="name" select="(self::tei:item/*[self::tei:orgName or self::tei:persName or self::tei:name] | self::*[not(self::tei:item)])[1]"/>
    <xsl:value-of select="concat('&quot;position&quot;: ', $pos)"/>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"name": </xsl:text>
    <xsl:call-template name="text-of">
      <xsl:with-param name="nodes" select="$name | self::*[not($name)]"/>
      <xsl:with-param name="empty" select="'&quot;&quot;'"/>
    </xsl:call-template>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"kind": </xsl:text>
    <xsl:for-each select="$name | self::*[not($name)]">
      <xsl:call-template name="kind"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The kind of agent a name element names. -->
  <xsl:template name="kind">
    <xsl:choose>
      <xsl:when test="self::tei:persName">"person"</xsl:when>
      <xsl:when test="self::tei:orgName">"organisation"</xsl:when>
      <xsl:otherwise>"unknown"</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The number of a note: its @n, else its position among the notes of the text. -->
  <xsl:template name="note-number">
    <xsl:choose>
      <xsl:when test="normalize-space(@n)"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise><xsl:number level="any" count="tei:note" from="tei:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- The outline                                                         -->
  <!-- ================================================================== -->

  <xsl:template match="tei:opener | tei:closer | tei:p" mode="outline">
    <xsl:param name="ind"/>
    <xsl:value-of select="concat('&quot;type&quot;: &quot;', local-name(), '&quot;')"/>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"text": </xsl:text>
    <xsl:call-template name="excerpt"/>
  </xsl:template>

  <xsl:template match="tei:head" mode="outline">
    <xsl:param name="ind"/>
    <xsl:text>"type": "head"</xsl:text>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"subtype": </xsl:text>
    <xsl:call-template name="str"><xsl:with-param name="nodes" select="@type"/></xsl:call-template>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"text": </xsl:text>
    <xsl:call-template name="flat">
      <xsl:with-param name="nodes" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list" mode="outline">
    <xsl:param name="ind"/>
    <xsl:text>"type": "list"</xsl:text>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"subtype": </xsl:text>
    <xsl:call-template name="str"><xsl:with-param name="nodes" select="@type"/></xsl:call-template>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:value-of select="concat('&quot;items&quot;: ', count(tei:item))"/>
  </xsl:template>

  <xsl:template match="tei:sp" mode="outline">
    <xsl:param name="ind"/>
    <xsl:text>"type": "sp"</xsl:text>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"speaker": </xsl:text>
    <xsl:call-template name="flat">
      <xsl:with-param name="nodes" select="tei:speaker[1]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:pb" mode="outline">
    <xsl:param name="ind"/>
    <xsl:text>"type": "pb"</xsl:text>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"n": </xsl:text>
    <xsl:call-template name="str"><xsl:with-param name="nodes" select="@n"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:div" mode="outline">
    <xsl:param name="ind"/>
    <xsl:text>"type": "div"</xsl:text>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"subtype": </xsl:text>
    <xsl:call-template name="str"><xsl:with-param name="nodes" select="@type"/></xsl:call-template>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"outline": </xsl:text>
    <xsl:call-template name="array">
      <xsl:with-param name="items" select="*"/>
      <xsl:with-param name="ind" select="$ind"/>
      <xsl:with-param name="mode" select="'outline'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Any other block (table, quote, trailer, postscript, a gap between blocks, an
       unknown element): its element name and the start of its text. -->
  <xsl:template match="*" mode="outline">
    <xsl:param name="ind"/>
    <xsl:text>"type": "other"</xsl:text>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:value-of select="concat('&quot;element&quot;: &quot;', local-name(), '&quot;')"/>
    <xsl:call-template name="next"><xsl:with-param name="ind" select="$ind"/></xsl:call-template>
    <xsl:text>"text": </xsl:text>
    <xsl:call-template name="excerpt"/>
  </xsl:template>

  <!-- The start of the context element's text, on one line, as a JSON string. -->
  <xsl:template name="excerpt">
    <xsl:variable name="t"><xsl:call-template name="flat-string"><xsl:with-param name="nodes" select="."/></xsl:call-template></xsl:variable>
    <xsl:call-template name="quote">
      <xsl:with-param name="s">
        <xsl:choose>
          <xsl:when test="number($excerpt) > 0"><xsl:value-of select="substring($t, 1, number($excerpt))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- $nodes as a JSON string on one line (line breaks made spaces), or null. -->
  <xsl:template name="flat">
    <xsl:param name="nodes"/>
    <xsl:choose>
      <xsl:when test="$nodes">
        <xsl:call-template name="quote">
          <xsl:with-param name="s"><xsl:call-template name="flat-string"><xsl:with-param name="nodes" select="$nodes"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>null</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="flat-string">
    <xsl:param name="nodes"/>
    <xsl:variable name="t"><xsl:apply-templates select="$nodes" mode="plain"/></xsl:variable>
    <xsl:value-of select="normalize-space($t)"/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Plain text                                                          -->
  <!-- ================================================================== -->

  <!-- The plain text of $nodes as a JSON string: each line normalised, empty lines
       dropped, lines joined by "\n"; several nodes are joined by $sep (a line break by
       default). null (or $empty) when there is no text. -->
  <xsl:template name="text-of">
    <xsl:param name="nodes"/>
    <xsl:param name="sep" select="$NL"/>
    <xsl:param name="empty" select="'null'"/>
    <xsl:variable name="raw">
      <xsl:for-each select="$nodes">
        <xsl:if test="position() > 1"><xsl:value-of select="$sep"/></xsl:if>
        <xsl:apply-templates select="." mode="plain"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="clean">
      <xsl:call-template name="clean-lines"><xsl:with-param name="s" select="string($raw)"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($clean) != ''">
        <xsl:call-template name="quote"><xsl:with-param name="s" select="string($clean)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$empty"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Normalise every line of $s, drop the empty ones, join the rest with line feeds
       (EXSLT str:split: no recursion however many lines). -->
  <xsl:template name="clean-lines">
    <xsl:param name="s"/>
    <xsl:for-each select="str:split($s, $NL)[normalize-space(.) != '']">
      <xsl:if test="position() > 1"><xsl:value-of select="$NL"/></xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="text()" mode="plain">
    <xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/>
  </xsl:template>
  <xsl:template match="tei:lb" mode="plain"><xsl:value-of select="$NL"/></xsl:template>
  <xsl:template match="tei:pb" mode="plain">
    <xsl:value-of select="concat(' [Page ', normalize-space(@n), '] ')"/>
  </xsl:template>
  <xsl:template match="tei:milestone | tei:anchor | tei:desc" mode="plain"/>
  <xsl:template match="tei:note" mode="plain">
    <xsl:text>[</xsl:text><xsl:call-template name="note-number"/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="plain">
    <xsl:text>[</xsl:text><xsl:apply-templates mode="plain"/><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:sic" mode="plain">
    <xsl:apply-templates mode="plain"/>
    <xsl:choose>
      <xsl:when test="contains(concat(' ', @rend, ' '), ' caps ')"> [SIC]</xsl:when>
      <xsl:otherwise> [sic]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:gap" mode="plain">
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(tei:desc)"><xsl:value-of select="normalize-space(tei:desc)"/></xsl:when>
      <xsl:when test="@reason = 'omitted' or not(@reason)">...</xsl:when>
      <xsl:when test="@quantity"><xsl:value-of select="concat(@quantity, ' ', @unit, ' ', @reason)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@reason"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:vocal | tei:incident" mode="plain">
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(tei:desc)"><xsl:value-of select="normalize-space(tei:desc)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:choice" mode="plain">
    <xsl:apply-templates select="(tei:corr | tei:reg | tei:expan)[1] | *[1][not(../tei:corr or ../tei:reg or ../tei:expan)]" mode="plain"/>
  </xsl:template>
  <!-- Blocks inside a note, an item or the abstract, and list items: lines of their own;
       a speaker is followed by a space. -->
  <xsl:template match="tei:p | tei:head | tei:item | tei:trailer | tei:seg[parent::tei:opener or parent::tei:closer]
                       | tei:salute | tei:signed | tei:dateline | tei:byline | tei:row" mode="plain">
    <xsl:value-of select="$NL"/>
    <xsl:apply-templates mode="plain"/>
    <xsl:value-of select="$NL"/>
  </xsl:template>
  <xsl:template match="tei:speaker | tei:cell" mode="plain">
    <xsl:apply-templates mode="plain"/>
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="*" mode="plain">
    <xsl:apply-templates mode="plain"/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- JSON strings                                                        -->
  <!-- ================================================================== -->

  <!-- The normalised string value of the first of $nodes as a JSON string, or null. -->
  <xsl:template name="str">
    <xsl:param name="nodes"/>
    <xsl:choose>
      <xsl:when test="$nodes">
        <xsl:call-template name="quote"><xsl:with-param name="s" select="normalize-space($nodes[1])"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>null</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s in double quotes, escaped. -->
  <xsl:template name="quote">
    <xsl:param name="s"/>
    <xsl:text>"</xsl:text>
    <xsl:call-template name="escape"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:text>"</xsl:text>
  </xsl:template>

  <!-- JSON escaping: backslash, double quote, line feed, carriage return and tab (the
       only control characters XML 1.0 text can hold) become \\ \" \n \r \t. The first
       such character is found by mapping all five to "\" with translate(); one
       recursion per escaped character, a long string first cut in halves (escaping is
       per character), which keeps the recursion shallow. -->
  <xsl:template name="escape">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="translate($s, '&quot;&#10;&#13;&#9;', '\\\\')"/>
    <xsl:choose>
      <xsl:when test="string-length($s) > 256 and contains($t, '\')">
        <xsl:variable name="half" select="floor(string-length($s) div 2)"/>
        <xsl:call-template name="escape"><xsl:with-param name="s" select="substring($s, 1, $half)"/></xsl:call-template>
        <xsl:call-template name="escape"><xsl:with-param name="s" select="substring($s, $half + 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($t, '\')">
        <xsl:variable name="n" select="string-length(substring-before($t, '\'))"/>
        <xsl:value-of select="concat(substring($s, 1, $n), '\', translate(substring($s, $n + 1, 1), '&quot;&#10;&#13;&#9;', '&quot;nrt'))"/>
        <xsl:call-template name="escape">
          <xsl:with-param name="s" select="substring($s, $n + 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
