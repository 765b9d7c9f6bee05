<?xml version="1.0" encoding="UTF-8"?>
<!--
  markdown.xsl: a teikit TEI document as CommonMark (with GFM footnotes and tables).

  Layout
    # Title
    - **Date:** ...  - **Source:** ...  - **Languages:** ...  - **URL:** <...>
    - **Translation:** ...  and the transcript's other fields (Contents, Record ID ...)
    ## Summary
    the body: "##" for the heads of divisions ("###" one level down, a head
    type="sub" one level below its division's), paragraphs, opener and closer lines
    joined by hard line breaks, speeches as "**SPEAKER.** text", lists with their own
    numbers ("7. ") or "-" bullets, block quotations, GFM tables
    [^n]: text                         the notes, referenced as [^n] where they stand

  Inline: *italic* (hi rend="italic", emph, foreign, title), **bold**, <sup>, <sub>,
  <u>, <del> as inline HTML; [text](url) and <url> links; editorial marks as escaped
  brackets: \[political\], word \[sic\], \[...\], \[illegible\], \[laughter\].

  Escaping: in every text node \ ` * _ [ ] < # & ~ get a backslash (and a "!" that
  ends a text node, which could start an image before a following "["); at the start of
  every output line "-", "+", ">", "=" and "1." / "1)" are escaped too, so no text can
  turn into a list, quotation, heading or code. The output renders the text literally.

  How it works
    As in text.xsl: each block is rendered in mode "inline" to a string in which a line
    feed stands for a hard line break; the named template "lines" splits it (EXSLT
    str:split), normalises each line's white space, escapes its start and joins the
    lines with hard breaks. A
    nested list inside a paragraph or an item marks each of its lines with U+E000 MARKER
    U+E001; "lines" sets such a run off by blank lines and keeps its markers.

  Parameters
    hardbreak   "backslash" (default: a "\" ends the line) or "spaces" (two spaces).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:str="http://exslt.org/strings"
                extension-element-prefixes="str"
                exclude-result-prefixes="tei">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="hardbreak" select="'backslash'"/>

  <!-- Constants. -->
  <xsl:variable name="NL" select="'&#10;'"/>
  <xsl:variable name="MARK" select="'&#xE000;'"/>
  <xsl:variable name="ENDMARK" select="'&#xE001;'"/>
  <xsl:variable name="SPACES"
    select="'                                                                                '"/>
  <!-- The characters escaped everywhere, and as many backslashes (see "esc"). -->
  <xsl:variable name="SPECIAL" select="'\`*_[]&lt;#&amp;~'"/>
  <xsl:variable name="BACKSLASHES" select="'\\\\\\\\\\'"/>
  <xsl:variable name="BR">
    <xsl:choose>
      <xsl:when test="$hardbreak = 'spaces'"><xsl:text>  </xsl:text></xsl:when>
      <xsl:otherwise>\</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>

  <!-- ================================================================== -->
  <!-- The document                                                        -->
  <!-- ================================================================== -->

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="tei:TEI">
    <xsl:variable name="fd" select="$header/tei:fileDesc"/>
    <xsl:variable name="pd" select="$header/tei:profileDesc"/>
    <xsl:variable name="bibl" select="$fd/tei:sourceDesc/tei:bibl[1]"/>

    <!-- # Title -->
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="1"/>
      <xsl:with-param name="text"><xsl:apply-templates select="$fd/tei:titleStmt/tei:title[1]" mode="inline"/></xsl:with-param>
    </xsl:call-template>

    <!-- The metadata list -->
    <xsl:variable name="date" select="($pd/tei:creation//tei:date | $bibl/tei:date[not(@type = 'publication')])[1]"/>
    <xsl:variable name="url" select="($fd/tei:publicationStmt/tei:idno[translate(@type, 'URIL', 'uril') = 'uri' or translate(@type, 'URL', 'url') = 'url'] | $bibl//tei:ref/@target)[1]"/>
    <xsl:variable name="meta">
      <xsl:if test="$date">
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'Date'"/>
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="normalize-space($date)"><xsl:apply-templates select="$date" mode="inline"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$date/@when | $date/@from | $date/@notBefore"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$bibl">
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'Source'"/>
          <xsl:with-param name="text"><xsl:apply-templates select="$bibl" mode="inline"/></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$pd/tei:langUsage/tei:language">
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'Languages'"/>
          <xsl:with-param name="text">
            <xsl:for-each select="$pd/tei:langUsage/tei:language">
              <xsl:if test="position() > 1">, </xsl:if>
              <xsl:choose>
                <xsl:when test="normalize-space(.)"><xsl:apply-templates mode="inline"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@ident"/></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$url">
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'URL'"/>
          <xsl:with-param name="text">
            <xsl:call-template name="link">
              <xsl:with-param name="url" select="normalize-space($url)"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <!-- Who did what to the edition ("Translation: Gary Goldberg"), then the fields -->
      <xsl:for-each select="$fd/tei:titleStmt/tei:author | $fd/tei:titleStmt/tei:editor | $fd/tei:titleStmt/tei:respStmt">
        <xsl:variable name="role">
          <xsl:choose>
            <xsl:when test="self::tei:author">author</xsl:when>
            <xsl:when test="self::tei:editor">editor</xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(tei:resp[1])"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="concat(translate(substring($role, 1, 1), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), substring($role, 2))"/>
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="self::tei:respStmt">
                <xsl:for-each select="*[not(self::tei:resp or self::tei:note)]">
                  <xsl:if test="position() > 1">, </xsl:if>
                  <xsl:apply-templates mode="inline"/>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$fd/tei:notesStmt/tei:note">
        <xsl:call-template name="field">
          <xsl:with-param name="label">
            <xsl:choose>
              <xsl:when test="tei:label"><xsl:value-of select="normalize-space(tei:label[1])"/></xsl:when>
              <xsl:otherwise>Note</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="text"><xsl:apply-templates select="node()[not(self::tei:label)]" mode="inline"/></xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="string($meta)">
      <xsl:value-of select="concat($NL, $meta)"/>
    </xsl:if>

    <!-- ## Summary -->
    <xsl:if test="normalize-space($pd/tei:abstract)">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/>
        <xsl:with-param name="text" select="'Summary'"/>
      </xsl:call-template>
      <xsl:apply-templates select="$pd/tei:abstract/*"/>
    </xsl:if>

    <!-- The text -->
    <xsl:apply-templates select="tei:text"/>

    <!-- Footnote definitions, in document order -->
    <xsl:for-each select="tei:text//tei:note">
      <xsl:variable name="label"><xsl:call-template name="note-label"/></xsl:variable>
      <xsl:call-template name="block">
        <xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param>
        <xsl:with-param name="prefix" select="concat('[^', $label, ']: ')"/>
        <xsl:with-param name="indent" select="'    '"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- One item of the metadata list: "- **Label:** text". -->
  <xsl:template name="field">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:variable name="l"><xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space($label)"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="lines">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="prefix" select="concat('- **', $l, ':** ')"/>
      <xsl:with-param name="indent" select="'  '"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- The label of a note: its @n when that is a safe footnote label, else its position
       among the notes of the text. -->
  <xsl:template name="note-label">
    <xsl:variable name="n" select="normalize-space(@n)"/>
    <xsl:choose>
      <xsl:when test="$n != '' and translate($n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.', '') = ''">
        <xsl:value-of select="$n"/>
      </xsl:when>
      <xsl:otherwise><xsl:number level="any" count="tei:note" from="tei:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An ATX heading: $level "#", the text on one line. -->
  <xsl:template name="heading">
    <xsl:param name="level"/>
    <xsl:param name="text"/>
    <xsl:variable name="t" select="normalize-space(translate($text, concat('&#10;', $MARK, $ENDMARK), '   '))"/>
    <xsl:if test="$t != ''">
      <xsl:if test="$level > 1"><xsl:value-of select="$NL"/></xsl:if>
      <xsl:value-of select="concat(substring('######', 1, $level), ' ', $t, $NL)"/>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Blocks (default mode): each writes a blank line, then its lines     -->
  <!-- ================================================================== -->

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:div | tei:floatingText
                       | tei:postscript | tei:msDesc | tei:listPerson | tei:listOrg | tei:listPlace
                       | tei:person | tei:org | tei:place | tei:cit">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:lb | tei:milestone | tei:anchor"/>
  <xsl:template match="text()">
    <xsl:if test="normalize-space(.)">
      <xsl:call-template name="block">
        <xsl:with-param name="text"><xsl:apply-templates select="." mode="inline"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- p, trailer, bibl, a page break or a gap between blocks, unknown elements: a
       paragraph of the inline rendering. -->
  <xsl:template match="*">
    <xsl:call-template name="block">
      <xsl:with-param name="text"><xsl:apply-templates select="." mode="inline"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Heads: "##" for a division's head, one "#" more for each division it is nested in,
       one more for a head type="sub". -->
  <xsl:template match="tei:head">
    <xsl:variable name="level" select="1 + count(ancestor::tei:div) + count(self::*[@type = 'sub'])"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level">
        <xsl:choose>
          <xsl:when test="$level &lt; 2">2</xsl:when>
          <xsl:when test="$level > 6">6</xsl:when>
          <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Opener and closer: one line per line-level child, joined by hard breaks. -->
  <xsl:template match="tei:opener | tei:closer">
    <xsl:call-template name="block">
      <xsl:with-param name="text"><xsl:apply-templates mode="line"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:seg | tei:dateline | tei:salute | tei:signed | tei:byline
                       | tei:docAuthor | tei:docDate | tei:p | tei:head" mode="line">
    <xsl:value-of select="$NL"/>
    <xsl:apply-templates select="." mode="inline"/>
    <xsl:value-of select="$NL"/>
  </xsl:template>
  <xsl:template match="node()" mode="line">
    <xsl:apply-templates select="." mode="inline"/>
  </xsl:template>

  <!-- A speech: "**SPEAKER.** text of the first paragraph", then its other blocks. -->
  <xsl:template match="tei:sp">
    <xsl:variable name="first" select="tei:speaker/following-sibling::*[self::tei:p or self::tei:list][1]"/>
    <xsl:choose>
      <xsl:when test="tei:speaker and $first/self::tei:p">
        <xsl:call-template name="block">
          <xsl:with-param name="text">
            <xsl:apply-templates select="tei:speaker" mode="inline"/>
            <xsl:text> </xsl:text>
            <xsl:apply-templates select="$first/node()" mode="inline"/>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:apply-templates select="node()[not(self::tei:speaker)][count(. | $first) != 1]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="tei:speaker" mode="alone"/>
        <xsl:apply-templates select="node()[not(self::tei:speaker)]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:speaker"/>
  <xsl:template match="tei:speaker" mode="alone">
    <xsl:call-template name="block">
      <xsl:with-param name="text"><xsl:apply-templates select="." mode="inline"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:speaker" mode="inline">
    <xsl:call-template name="delimit">
      <xsl:with-param name="open" select="'**'"/>
      <xsl:with-param name="close" select="'**'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A list: its heads as a paragraph, a blank line, one item per line (wrapped item
       lines continue under the item's text), then its trailers. -->
  <xsl:template match="tei:list">
    <xsl:call-template name="block">
      <xsl:with-param name="text">
        <xsl:for-each select="tei:head">
          <xsl:value-of select="$NL"/>
          <xsl:apply-templates mode="inline"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="tei:item">
      <xsl:variable name="marker"><xsl:apply-templates select="." mode="marker"/></xsl:variable>
      <xsl:call-template name="lines">
        <xsl:with-param name="text">
          <xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]" mode="inline"/>
          <xsl:apply-templates mode="inline"/>
        </xsl:with-param>
        <xsl:with-param name="prefix" select="string($marker)"/>
        <xsl:with-param name="indent" select="substring($SPACES, 1, string-length($marker))"/>
      </xsl:call-template>
      <xsl:value-of select="$NL"/>
    </xsl:for-each>
    <xsl:apply-templates select="tei:trailer"/>
  </xsl:template>

  <!-- A glossary label: bold, before its item. -->
  <xsl:template match="tei:label[following-sibling::*[1][self::tei:item]]" mode="inline">
    <xsl:call-template name="delimit">
      <xsl:with-param name="open" select="'**'"/>
      <xsl:with-param name="close" select="'**'"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- The marker of an item: "N. " for a numeric @n or an ordered list (CommonMark takes
       the first number as the start), "- " otherwise (followed by a non-numeric @n). -->
  <xsl:template match="tei:item" mode="marker">
    <xsl:variable name="n" select="translate(normalize-space(@n), '.)', '')"/>
    <xsl:choose>
      <xsl:when test="$n != '' and translate($n, '0123456789', '') = '' and string-length($n) &lt; 10">
        <xsl:value-of select="concat($n, '. ')"/>
      </xsl:when>
      <xsl:when test="$n != ''">
        <xsl:text>- </xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(@n)"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:when test="../@type = 'ordered'">
        <xsl:value-of select="count(preceding-sibling::tei:item) + 1"/>
        <xsl:text>. </xsl:text>
      </xsl:when>
      <xsl:otherwise>- </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A block quotation: every line behind "> ". -->
  <xsl:template match="tei:quote">
    <xsl:call-template name="block">
      <xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param>
      <xsl:with-param name="prefix" select="'> '"/>
      <xsl:with-param name="indent" select="'> '"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A table: its head as a paragraph, then a GFM pipe table whose first row is the
       header row; hard breaks inside a cell become <br>. -->
  <xsl:template match="tei:table">
    <xsl:apply-templates select="tei:head"/>
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="tei:row">
      <xsl:text>|</xsl:text>
      <xsl:for-each select="tei:cell">
        <xsl:variable name="c"><xsl:apply-templates mode="inline"/></xsl:variable>
        <xsl:text> </xsl:text>
        <xsl:call-template name="replace">
          <xsl:with-param name="s">
            <xsl:call-template name="replace">
              <xsl:with-param name="s" select="normalize-space(translate($c, concat($NL, $MARK, $ENDMARK), '&#xE002;  '))"/>
              <xsl:with-param name="from" select="'|'"/>
              <xsl:with-param name="to" select="'\|'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&#xE002;'"/>
          <xsl:with-param name="to" select="'&lt;br&gt;'"/>
        </xsl:call-template>
        <xsl:text> |</xsl:text>
      </xsl:for-each>
      <xsl:value-of select="$NL"/>
      <xsl:if test="position() = 1">
        <xsl:text>|</xsl:text>
        <xsl:for-each select="tei:cell"> --- |</xsl:for-each>
        <xsl:value-of select="$NL"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:head[parent::tei:table]">
    <xsl:call-template name="block">
      <xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Inline rendering: escaped Markdown, line feed = hard line break     -->
  <!-- ================================================================== -->

  <!-- Text: white space made spaces, Markdown characters escaped; a final "!" too when
       markup ("[" of a link or footnote) may follow. -->
  <xsl:template match="text()" mode="inline">
    <xsl:variable name="t" select="translate(., concat('&#9;&#10;&#13;', $MARK, $ENDMARK), '   ')"/>
    <xsl:choose>
      <xsl:when test="substring($t, string-length($t)) = '!' and following-sibling::node()[1][self::*]">
        <xsl:call-template name="esc"><xsl:with-param name="s" select="substring($t, 1, string-length($t) - 1)"/></xsl:call-template>
        <xsl:text>\!</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="$t"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:text> \[Page </xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(@n)"/></xsl:call-template>
    <xsl:text>\] </xsl:text>
  </xsl:template>

  <xsl:template match="tei:milestone | tei:anchor | tei:desc" mode="inline"/>

  <!-- A note: its footnote reference. -->
  <xsl:template match="tei:note" mode="inline">
    <xsl:text>[^</xsl:text><xsl:call-template name="note-label"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Highlighting. -->
  <xsl:template match="tei:hi" mode="inline">
    <xsl:variable name="r" select="concat(' ', normalize-space(@rend), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($r, ' bold ')">
        <xsl:call-template name="delimit"><xsl:with-param name="open" select="'**'"/><xsl:with-param name="close" select="'**'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($r, ' italic ') or contains($r, ' italics ')">
        <xsl:call-template name="delimit"><xsl:with-param name="open" select="'*'"/><xsl:with-param name="close" select="'*'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($r, ' superscript ') or contains($r, ' sup ')">
        <xsl:call-template name="delimit"><xsl:with-param name="open" select="'&lt;sup&gt;'"/><xsl:with-param name="close" select="'&lt;/sup&gt;'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($r, ' subscript ') or contains($r, ' sub ')">
        <xsl:call-template name="delimit"><xsl:with-param name="open" select="'&lt;sub&gt;'"/><xsl:with-param name="close" select="'&lt;/sub&gt;'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($r, ' underline ')">
        <xsl:call-template name="delimit"><xsl:with-param name="open" select="'&lt;u&gt;'"/><xsl:with-param name="close" select="'&lt;/u&gt;'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($r, ' strikethrough ')">
        <xsl:call-template name="delimit"><xsl:with-param name="open" select="'&lt;del&gt;'"/><xsl:with-param name="close" select="'&lt;/del&gt;'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:title[not(@level = 'a')][ancestor::tei:text]" mode="inline">
    <xsl:call-template name="delimit"><xsl:with-param name="open" select="'*'"/><xsl:with-param name="close" select="'*'"/></xsl:call-template>
  </xsl:template>

  <!-- Editorial marks, as escaped brackets. -->
  <xsl:template match="tei:supplied" mode="inline">
    <xsl:text>\[</xsl:text><xsl:apply-templates mode="inline"/><xsl:text>\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:sic" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:choose>
      <xsl:when test="contains(concat(' ', @rend, ' '), ' caps ')"> \[SIC\]</xsl:when>
      <xsl:otherwise> \[sic\]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:gap" mode="inline">
    <xsl:text>\[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(tei:desc)">
        <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(tei:desc)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@reason = 'omitted' or not(@reason)">...</xsl:when>
      <xsl:when test="@quantity">
        <xsl:call-template name="esc"><xsl:with-param name="s" select="concat(@quantity, ' ', @unit, ' ', @reason)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="@reason"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:vocal | tei:incident" mode="inline">
    <xsl:text>\[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(tei:desc)">
        <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(tei:desc)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:text> \[?\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:del" mode="inline">
    <xsl:call-template name="delimit"><xsl:with-param name="open" select="'&lt;del&gt;'"/><xsl:with-param name="close" select="'&lt;/del&gt;'"/></xsl:call-template>
  </xsl:template>

  <!-- choice: the reading text (correction, regularisation, expansion), else the first. -->
  <xsl:template match="tei:choice" mode="inline">
    <xsl:choose>
      <xsl:when test="tei:corr"><xsl:apply-templates select="tei:corr[1]" mode="inline"/></xsl:when>
      <xsl:when test="tei:reg"><xsl:apply-templates select="tei:reg[1]" mode="inline"/></xsl:when>
      <xsl:when test="tei:expan"><xsl:apply-templates select="tei:expan[1]" mode="inline"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="*[1]" mode="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Links: [text](url), or <url> when the text is the address; a pointer into the
       document keeps only its text. -->
  <xsl:template match="tei:ref" mode="inline">
    <xsl:variable name="target" select="normalize-space(substring-before(concat(normalize-space(@target), ' '), ' '))"/>
    <xsl:choose>
      <xsl:when test="$target = '' or starts-with($target, '#')">
        <xsl:apply-templates mode="inline"/>
      </xsl:when>
      <xsl:when test="normalize-space(.) = $target or not(normalize-space(.))">
        <xsl:call-template name="link"><xsl:with-param name="url" select="$target"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="t"><xsl:apply-templates mode="inline"/></xsl:variable>
        <xsl:value-of select="concat('[', normalize-space(translate($t, '&#10;', ' ')), '](')"/>
        <xsl:call-template name="destination"><xsl:with-param name="url" select="$target"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ptr" mode="inline">
    <xsl:variable name="target" select="normalize-space(substring-before(concat(normalize-space(@target), ' '), ' '))"/>
    <xsl:if test="$target != '' and not(starts-with($target, '#'))">
      <xsl:call-template name="link"><xsl:with-param name="url" select="$target"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:graphic" mode="inline">
    <xsl:text>![</xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="normalize-space(tei:desc)"/></xsl:call-template>
    <xsl:text>](</xsl:text>
    <xsl:call-template name="destination"><xsl:with-param name="url" select="normalize-space(@url)"/></xsl:call-template>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:figure" mode="inline">
    <xsl:text>\[Figure</xsl:text>
    <xsl:for-each select="(tei:head | tei:figDesc | tei:p)[normalize-space()]">
      <xsl:choose>
        <xsl:when test="position() = 1">: </xsl:when>
        <xsl:otherwise>; </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="inline"/>
    </xsl:for-each>
    <xsl:text>\]</xsl:text>
    <xsl:apply-templates select="tei:graphic" mode="inline"/>
  </xsl:template>

  <!-- Paragraphs and heads inside a note, item or quotation: lines of their own. -->
  <xsl:template match="tei:p | tei:head | tei:trailer" mode="inline">
    <xsl:if test="preceding-sibling::*"><xsl:value-of select="$NL"/></xsl:if>
    <xsl:apply-templates mode="inline"/>
    <xsl:if test="following-sibling::*"><xsl:value-of select="$NL"/></xsl:if>
  </xsl:template>

  <!-- A list inside a paragraph, an item or a note: one marked line per item, indented
       under the items of the enclosing lists that are also rendered inline. -->
  <xsl:template match="tei:list" mode="inline">
    <xsl:for-each select="tei:head | tei:item | tei:trailer">
      <xsl:value-of select="$NL"/>
      <xsl:if test="self::tei:item">
        <xsl:value-of select="$MARK"/>
        <xsl:for-each select="ancestor::tei:item[not(../parent::tei:body or ../parent::tei:div
                              or ../parent::tei:sp or ../parent::tei:front or ../parent::tei:back
                              or ../parent::tei:postscript or ../parent::tei:abstract)]">
          <xsl:variable name="outer"><xsl:apply-templates select="." mode="marker"/></xsl:variable>
          <xsl:value-of select="substring($SPACES, 1, string-length($outer))"/>
        </xsl:for-each>
        <xsl:apply-templates select="." mode="marker"/>
        <xsl:value-of select="$ENDMARK"/>
        <xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]" mode="inline"/>
      </xsl:if>
      <xsl:apply-templates mode="inline"/>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- A table inside a paragraph: a line per row, cells separated by " | ". -->
  <xsl:template match="tei:table" mode="inline">
    <xsl:for-each select="tei:head | tei:row">
      <xsl:value-of select="$NL"/>
      <xsl:for-each select="self::tei:head | tei:cell">
        <xsl:if test="position() > 1"> | </xsl:if>
        <xsl:apply-templates mode="inline"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- Where an original is held: its parts (country, settlement, repository, idno ...)
       joined by commas. -->
  <xsl:template match="tei:msIdentifier" mode="inline">
    <xsl:for-each select="*[normalize-space()]">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:apply-templates mode="inline"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Everything else (names, dates, seg, q, unknown elements ...): its content. -->
  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- The content of the context element between $open and $close, line by line (an
       emphasis cannot run over a hard break here), with the spaces at either end of
       each line outside the delimiters so that CommonMark's flanking rules hold. Lines
       without text are dropped (as "lines" drops them anyway). -->
  <xsl:template name="delimit">
    <xsl:param name="open"/>
    <xsl:param name="close"/>
    <xsl:variable name="s"><xsl:apply-templates mode="inline"/></xsl:variable>
    <xsl:for-each select="str:split(string($s), $NL)[normalize-space(.) != '']">
      <xsl:if test="position() > 1"><xsl:value-of select="$NL"/></xsl:if>
      <xsl:if test="starts-with(., ' ')"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="concat($open, normalize-space(.), $close)"/>
      <xsl:if test="substring(., string-length(.)) = ' '"><xsl:text> </xsl:text></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A bare address: an autolink <url> where CommonMark allows one (a scheme, no spaces
       or angle brackets), else [url](<url>). -->
  <xsl:template name="link">
    <xsl:param name="url"/>
    <xsl:choose>
      <xsl:when test="contains($url, ':') and not(contains($url, ' ') or contains($url, '&lt;') or contains($url, '&gt;'))
                      and translate(substring-before($url, ':'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-', '') = ''
                      and string-length(substring-before($url, ':')) > 1">
        <xsl:value-of select="concat('&lt;', $url, '&gt;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>[</xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="$url"/></xsl:call-template>
        <xsl:text>](</xsl:text>
        <xsl:call-template name="destination"><xsl:with-param name="url" select="$url"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link destination: as it is, or in angle brackets when it has spaces, parentheses
       or angle brackets (those escaped). -->
  <xsl:template name="destination">
    <xsl:param name="url"/>
    <xsl:choose>
      <xsl:when test="translate($url, ' ()&lt;&gt;', '') != $url">
        <xsl:text>&lt;</xsl:text>
        <xsl:call-template name="replace">
          <xsl:with-param name="s">
            <xsl:call-template name="replace">
              <xsl:with-param name="s" select="$url"/>
              <xsl:with-param name="from" select="'&lt;'"/>
              <xsl:with-param name="to" select="'\&lt;'"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="from" select="'&gt;'"/>
          <xsl:with-param name="to" select="'\&gt;'"/>
        </xsl:call-template>
        <xsl:text>&gt;</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Strings                                                             -->
  <!-- ================================================================== -->

  <!-- Backslash before each character of $SPECIAL: one recursion per such character;
       a long string is first cut in halves (escaping is per character), which keeps the
       recursion shallow. -->
  <xsl:template name="esc">
    <xsl:param name="s"/>
    <xsl:variable name="t" select="translate($s, $SPECIAL, $BACKSLASHES)"/>
    <xsl:choose>
      <xsl:when test="string-length($s) > 256 and contains($t, '\')">
        <xsl:variable name="half" select="floor(string-length($s) div 2)"/>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="substring($s, 1, $half)"/></xsl:call-template>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="substring($s, $half + 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($t, '\')">
        <xsl:variable name="n" select="string-length(substring-before($t, '\'))"/>
        <xsl:value-of select="concat(substring($s, 1, $n), '\', substring($s, $n + 1, 1))"/>
        <xsl:call-template name="esc">
          <xsl:with-param name="s" select="substring($s, $n + 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every $from in $s replaced by $to. -->
  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="concat(substring-before($s, $from), $to)"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A line made safe at its start: a backslash before "-", "+", ">" or "=" (list,
       quotation, setext underline) and before the "." or ")" of a leading number. -->
  <xsl:template name="line-start">
    <xsl:param name="line"/>
    <xsl:variable name="c" select="substring($line, 1, 1)"/>
    <xsl:variable name="digits">
      <xsl:call-template name="leading-digits"><xsl:with-param name="s" select="$line"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="after" select="substring($line, $digits + 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$c != '' and contains('-+>=', $c)">
        <xsl:value-of select="concat('\', $line)"/>
      </xsl:when>
      <xsl:when test="$digits > 0 and $digits &lt; 10 and $after != '' and contains('.)', $after)">
        <xsl:value-of select="concat(substring($line, 1, $digits), '\', substring($line, $digits + 1))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$line"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- How many digits $s starts with (counting stops after 10). -->
  <xsl:template name="leading-digits">
    <xsl:param name="s"/>
    <xsl:param name="k" select="0"/>
    <xsl:variable name="c" select="substring($s, $k + 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$k &lt; 10 and $c != '' and contains('0123456789', $c)">
        <xsl:call-template name="leading-digits">
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="k" select="$k + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$k"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Lines                                                               -->
  <!-- ================================================================== -->

  <!-- A block: a blank line, then its lines, then a line end; nothing without text. -->
  <xsl:template name="block">
    <xsl:param name="text"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="indent" select="''"/>
    <xsl:if test="normalize-space(translate($text, concat($MARK, $ENDMARK), '  '))">
      <xsl:value-of select="$NL"/>
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
      <xsl:value-of select="$NL"/>
    </xsl:if>
  </xsl:template>

  <!-- Split $text at line feeds (EXSLT str:split, which drops empty pieces; no recursion
       however many lines) and write the lines that have text, normalised and escaped at
       their start: the first behind $prefix, the others behind $indent, joined by hard
       breaks. Lines of a nested list (MARK marker ENDMARK text) are set off from the
       surrounding lines by blank lines and keep their marker. No final line end. -->
  <xsl:template name="lines">
    <xsl:param name="text"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="marks" select="concat($MARK, $ENDMARK)"/>
    <xsl:for-each select="str:split($text, $NL)[normalize-space(translate(., $marks, '  ')) != '']">
      <xsl:variable name="item" select="starts-with(., $MARK)"/>
      <xsl:variable name="after-item" select="starts-with(preceding-sibling::*[normalize-space(translate(., $marks, '  ')) != ''][1], $MARK)"/>
      <!-- what separates this line from the one before -->
      <xsl:choose>
        <xsl:when test="position() = 1"><xsl:value-of select="$prefix"/></xsl:when>
        <xsl:when test="not($item) and not($after-item)"><xsl:value-of select="concat($BR, $NL, $indent)"/></xsl:when>
        <xsl:when test="$item and $after-item"><xsl:value-of select="concat($NL, $indent)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat($NL, $NL, $indent)"/></xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$item">
          <xsl:value-of select="substring-before(substring-after(., $MARK), $ENDMARK)"/>
          <xsl:call-template name="line-start">
            <xsl:with-param name="line" select="normalize-space(substring-after(., $ENDMARK))"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="line-start">
            <xsl:with-param name="line" select="normalize-space(.)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
