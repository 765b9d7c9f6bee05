<?xml version="1.0" encoding="UTF-8"?>
<!--
  text.xsl: a teikit TEI document as plain reading text (UTF-8).

  Layout
    the title
    (blank line)
    Date: / Source: / Languages: / URL:      the header block, each only when known
    (blank line)
    Summary: ...                             the abstract
    a separator line
    the body, one block after another, separated by blank lines:
      opener and closer lines each on their own line, paragraphs word-wrapped,
      speeches as "SPEAKER. text", lists as "1. ..." or "- ..." under their head,
      page breaks as "[Page N]"
    Notes                                    every note of the text, as "[n] text"

  Inline conventions (those of the transcripts teikit reads): supplied -> [word],
  sic -> word [sic] (or [SIC]), gap -> [...], [illegible], [2 words illegible],
  [inaudible]; vocal and incident -> [laughter]; a note -> [n] at its anchor.

  How it works
    Every block is first rendered in mode "inline" to a string in which a line feed
    stands for a hard line break (lb, a line of an opener, an item of a nested list);
    the named template "lines" then splits that string at the line feeds (EXSLT
    str:split), normalises the white space of each line and word-wraps it ("wrap"), with
    a prefix for the first line (a list marker, "[1] ", "Source: ") and an indent for the
    following ones.
    A nested list inside a paragraph or an item marks each of its lines with U+E000
    MARKER U+E001 so that "lines" keeps the marker out of the normalisation.

  Parameters
    width   the column to wrap at (default 78); 0 or less: no wrapping.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:str="http://exslt.org/strings"
                extension-element-prefixes="str"
                exclude-result-prefixes="tei">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="width" select="78"/>

  <!-- Constants. -->
  <xsl:variable name="NL" select="'&#10;'"/>
  <xsl:variable name="MARK" select="'&#xE000;'"/>
  <xsl:variable name="ENDMARK" select="'&#xE001;'"/>
  <xsl:variable name="SPACES"
    select="'                                                                                '"/>
  <xsl:variable name="DASHES"
    select="'--------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------'"/>
  <xsl:variable name="w" select="number($width)"/>

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

    <!-- Title -->
    <xsl:call-template name="lines">
      <xsl:with-param name="text">
        <xsl:apply-templates select="$fd/tei:titleStmt/tei:title[1]" mode="inline"/>
      </xsl:with-param>
    </xsl:call-template>

    <!-- Header block: Date, Source, Languages, URL (each only when known) -->
    <xsl:variable name="date" select="($pd/tei:creation//tei:date | $bibl/tei:date[not(@type = 'publication')])[1]"/>
    <xsl:variable name="url" select="($fd/tei:publicationStmt/tei:idno[translate(@type, 'URIL', 'uril') = 'uri' or translate(@type, 'URL', 'url') = 'url'] | $bibl//tei:ref/@target)[1]"/>
    <xsl:variable name="block">
      <xsl:if test="$date">
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'Date: '"/>
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
          <xsl:with-param name="label" select="'Source: '"/>
          <xsl:with-param name="text"><xsl:apply-templates select="$bibl" mode="inline"/></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$pd/tei:langUsage/tei:language">
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'Languages: '"/>
          <xsl:with-param name="text">
            <xsl:for-each select="$pd/tei:langUsage/tei:language">
              <xsl:if test="position() > 1">, </xsl:if>
              <xsl:choose>
                <xsl:when test="normalize-space(.)"><xsl:value-of select="normalize-space(.)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@ident"/></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$url">
        <xsl:call-template name="field">
          <xsl:with-param name="label" select="'URL: '"/>
          <xsl:with-param name="text" select="normalize-space($url)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="string($block)">
      <xsl:value-of select="concat($NL, $block)"/>
    </xsl:if>

    <!-- Summary: the abstract, its paragraphs (or list items) one after another -->
    <xsl:if test="normalize-space($pd/tei:abstract)">
      <xsl:value-of select="$NL"/>
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'Summary: '"/>
        <xsl:with-param name="text"><xsl:apply-templates select="$pd/tei:abstract/*" mode="inline"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>

    <!-- Separator, then the text -->
    <xsl:value-of select="$NL"/>
    <xsl:choose>
      <xsl:when test="$w > 0"><xsl:value-of select="substring($DASHES, 1, $w)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="substring($DASHES, 1, 78)"/></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$NL"/>
    <xsl:apply-templates select="tei:text"/>

    <!-- Notes: every note in the text, in document order -->
    <xsl:variable name="notes" select="tei:text//tei:note"/>
    <xsl:if test="$notes">
      <xsl:value-of select="concat($NL, 'Notes', $NL)"/>
      <xsl:for-each select="$notes">
        <xsl:variable name="label">
          <xsl:text>[</xsl:text><xsl:call-template name="note-number"/><xsl:text>] </xsl:text>
        </xsl:variable>
        <xsl:call-template name="block">
          <xsl:with-param name="text"><xsl:apply-templates mode="inline"/></xsl:with-param>
          <xsl:with-param name="prefix" select="string($label)"/>
          <xsl:with-param name="indent" select="substring($SPACES, 1, string-length($label))"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A "Label: text" line of the header, continuation lines aligned under the text. -->
  <xsl:template name="field">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:call-template name="lines">
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="prefix" select="$label"/>
      <xsl:with-param name="indent" select="substring($SPACES, 1, string-length($label))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The number shown for a note: its @n, else its position among the notes of the text. -->
  <xsl:template name="note-number">
    <xsl:choose>
      <xsl:when test="normalize-space(@n)"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise><xsl:number level="any" count="tei:note" from="tei:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Blocks (default mode): each writes a blank line, then its lines     -->
  <!-- ================================================================== -->

  <!-- Containers: their children are blocks. -->
  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:div | tei:floatingText
                       | tei:postscript | tei:msDesc | tei:listPerson | tei:listOrg | tei:listPlace
                       | tei:person | tei:org | tei:place | tei:cit">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Milestones that carry no text, and white space between blocks. -->
  <xsl:template match="tei:lb | tei:milestone | tei:anchor"/>
  <xsl:template match="text()">
    <xsl:if test="normalize-space(.)">
      <xsl:call-template name="block">
        <xsl:with-param name="text" select="."/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Any other element (p, head, trailer, quote, bibl, table, a page break or a gap
       between blocks, an unknown element ...): one wrapped block of its inline
       rendering. -->
  <xsl:template match="*">
    <xsl:call-template name="block">
      <xsl:with-param name="text"><xsl:apply-templates select="." mode="inline"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Opener and closer: each line-level child (seg, dateline, salute, signed ...) on a
       line of its own, no blank lines between them. -->
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

  <!-- A speech: "SPEAKER. text of the first paragraph", then its other blocks. -->
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
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A list: its head, then one line (or more, wrapped) per item with its marker, then
       its trailer; no blank lines inside. -->
  <xsl:template match="tei:list">
    <xsl:value-of select="$NL"/>
    <xsl:for-each select="*">
      <xsl:choose>
        <xsl:when test="self::tei:item">
          <xsl:variable name="marker"><xsl:apply-templates select="." mode="marker"/></xsl:variable>
          <xsl:call-template name="lines">
            <xsl:with-param name="text">
              <xsl:if test="preceding-sibling::*[1][self::tei:label]">
                <xsl:apply-templates select="preceding-sibling::*[1]" mode="inline"/>
                <xsl:text> </xsl:text>
              </xsl:if>
              <xsl:apply-templates mode="inline"/>
            </xsl:with-param>
            <xsl:with-param name="prefix" select="string($marker)"/>
            <xsl:with-param name="indent" select="substring($SPACES, 1, string-length($marker))"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="self::tei:label and following-sibling::*[1][self::tei:item]"/>
        <xsl:otherwise>
          <xsl:call-template name="lines">
            <xsl:with-param name="text"><xsl:apply-templates select="." mode="inline"/></xsl:with-param>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The marker of an item: "N. " from @n, the position in an ordered list, else a
       bullet: "* " for rend="asterisk", "- " otherwise. -->
  <xsl:template match="tei:item" mode="marker">
    <xsl:choose>
      <xsl:when test="normalize-space(@n)">
        <xsl:value-of select="normalize-space(@n)"/>
        <xsl:if test="translate(substring(normalize-space(@n), string-length(normalize-space(@n))), '.)', '') != ''">.</xsl:if>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:when test="../@type = 'ordered'">
        <xsl:value-of select="count(preceding-sibling::tei:item) + 1"/>
        <xsl:text>. </xsl:text>
      </xsl:when>
      <xsl:when test="contains(concat(' ', ../@rend, ' '), ' asterisk ')">* </xsl:when>
      <xsl:otherwise>- </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Inline rendering: a string, line feed = hard line break             -->
  <!-- ================================================================== -->

  <!-- Text: line ends and tabs are spaces (the line is normalised later); the two private
       use characters that mark nested list lines are dropped. -->
  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="translate(., concat('&#9;&#10;&#13;', $MARK, $ENDMARK), '   ')"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:text> [Page </xsl:text>
    <xsl:value-of select="normalize-space(@n)"/>
    <xsl:text>] </xsl:text>
  </xsl:template>

  <xsl:template match="tei:milestone | tei:anchor" mode="inline"/>

  <!-- A note: its anchor "[n]"; the text goes to the end. -->
  <xsl:template match="tei:note" mode="inline">
    <xsl:text>[</xsl:text><xsl:call-template name="note-number"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Editorial marks. -->
  <xsl:template match="tei:supplied" mode="inline">
    <xsl:text>[</xsl:text><xsl:apply-templates mode="inline"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:sic" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:choose>
      <xsl:when test="contains(concat(' ', @rend, ' '), ' caps ')"> [SIC]</xsl:when>
      <xsl:otherwise> [sic]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:gap" mode="inline">
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(tei:desc)"><xsl:value-of select="normalize-space(tei:desc)"/></xsl:when>
      <xsl:when test="@reason = 'omitted' or not(@reason)">...</xsl:when>
      <xsl:when test="@quantity">
        <xsl:value-of select="concat(@quantity, ' ', @unit, ' ', @reason)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@reason"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:vocal | tei:incident" mode="inline">
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(tei:desc)"><xsl:value-of select="normalize-space(tei:desc)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:text> [?]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:del" mode="inline">
    <xsl:text>[deleted: </xsl:text><xsl:apply-templates mode="inline"/><xsl:text>]</xsl:text>
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

  <!-- Links: the text, then the address in angle brackets when it is not the text. -->
  <xsl:template match="tei:ref" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:if test="normalize-space(@target) and normalize-space(.) != normalize-space(@target)
                  and not(starts-with(normalize-space(@target), '#'))">
      <xsl:value-of select="concat(' &lt;', normalize-space(@target), '&gt;')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:ptr" mode="inline">
    <xsl:if test="not(starts-with(normalize-space(@target), '#'))">
      <xsl:value-of select="concat('&lt;', normalize-space(@target), '&gt;')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:graphic" mode="inline">
    <xsl:value-of select="concat('[Image: ', normalize-space(@url), ']')"/>
  </xsl:template>

  <xsl:template match="tei:figure" mode="inline">
    <xsl:text>[Figure</xsl:text>
    <xsl:for-each select="(tei:head | tei:figDesc | tei:p)[normalize-space()]">
      <xsl:choose>
        <xsl:when test="position() = 1">: </xsl:when>
        <xsl:otherwise>; </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="inline"/>
    </xsl:for-each>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Paragraphs and heads inside a note, item or quotation: lines of their own. -->
  <xsl:template match="tei:p | tei:head | tei:trailer" mode="inline">
    <xsl:if test="preceding-sibling::*"><xsl:value-of select="$NL"/></xsl:if>
    <xsl:apply-templates mode="inline"/>
    <xsl:if test="following-sibling::*"><xsl:value-of select="$NL"/></xsl:if>
  </xsl:template>

  <!-- A list inside a paragraph, an item or a note: one marked line per item. -->
  <xsl:template match="tei:list" mode="inline">
    <xsl:for-each select="tei:head | tei:item | tei:trailer">
      <xsl:value-of select="$NL"/>
      <xsl:choose>
        <xsl:when test="self::tei:item">
          <xsl:value-of select="$MARK"/>
          <!-- indented under the items of the enclosing lists also rendered inline -->
          <xsl:for-each select="ancestor::tei:item[not(../parent::tei:body or ../parent::tei:div
                                or ../parent::tei:sp or ../parent::tei:front or ../parent::tei:back
                                or ../parent::tei:postscript)]">
            <xsl:variable name="outer"><xsl:apply-templates select="." mode="marker"/></xsl:variable>
            <xsl:value-of select="substring($SPACES, 1, string-length($outer))"/>
          </xsl:for-each>
          <xsl:apply-templates select="." mode="marker"/>
          <xsl:value-of select="$ENDMARK"/>
          <xsl:if test="preceding-sibling::*[1][self::tei:label]">
            <xsl:apply-templates select="preceding-sibling::*[1]/node()" mode="inline"/>
            <xsl:text> </xsl:text>
          </xsl:if>
        </xsl:when>
      </xsl:choose>
      <xsl:apply-templates mode="inline"/>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- A table: a line per row, cells separated by " | ". -->
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

  <!-- Descriptions only speak through their parents (gap, vocal, graphic). -->
  <xsl:template match="tei:desc" mode="inline"/>

  <!-- Everything else (hi, names, dates, seg, quote, foreign, unknown elements ...): its
       content. -->
  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Line breaking                                                       -->
  <!-- ================================================================== -->

  <!-- A block: a blank line, then its lines; nothing at all when it has no text. -->
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
    </xsl:if>
  </xsl:template>

  <!-- Split $text at line feeds (EXSLT str:split, which drops empty pieces; no
       recursion however many lines); normalise and wrap each line that has text. The
       first written line starts with $prefix, the others with $indent. A line that starts
       with MARK marker ENDMARK is an item of a nested list: the marker follows the
       prefix, and the item's wrapped lines are indented under its text. -->
  <xsl:template name="lines">
    <xsl:param name="text"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="indent" select="''"/>
    <xsl:for-each select="str:split($text, $NL)[normalize-space(translate(., concat($MARK, $ENDMARK), '  ')) != '']">
      <xsl:variable name="marked" select="starts-with(., $MARK)"/>
      <xsl:variable name="marker" select="substring-before(substring-after(., $MARK), $ENDMARK)"/>
      <xsl:variable name="lead">
        <xsl:choose>
          <xsl:when test="position() = 1"><xsl:value-of select="$prefix"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$indent"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="words">
        <xsl:choose>
          <xsl:when test="$marked"><xsl:value-of select="normalize-space(substring-after(., $ENDMARK))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="string($words)"/>
        <xsl:with-param name="prefix" select="concat($lead, $marker)"/>
        <xsl:with-param name="indent" select="concat($indent, substring($SPACES, 1, string-length($marker)))"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- Word-wrap one normalised line: the first output line starts with $prefix, the
       others with $indent; no line is longer than $width unless a single word is.
       Greedy: each line takes as many words as fit. To keep the recursion (one level per
       output line) shallow, a long text is done in batches of 40 lines: "consumed" tells
       how much of the text the first 40 lines take, those are wrapped on their own (which
       gives the same lines), and the rest follows. -->
  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:param name="prefix"/>
    <xsl:param name="indent"/>
    <xsl:choose>
      <xsl:when test="$w > 0 and string-length($text) > 40 * $w">
        <xsl:variable name="n">
          <xsl:call-template name="consumed">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="prefix" select="$prefix"/>
            <xsl:with-param name="indent" select="$indent"/>
            <xsl:with-param name="k" select="40"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="text" select="substring($text, 1, $n)"/>
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:call-template>
        <xsl:if test="string-length($text) > $n + 1">
          <xsl:call-template name="wrap">
            <xsl:with-param name="text" select="substring($text, $n + 2)"/>
            <xsl:with-param name="prefix" select="$indent"/>
            <xsl:with-param name="indent" select="$indent"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wrap-lines">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The greedy wrap itself: one recursion per output line. -->
  <xsl:template name="wrap-lines">
    <xsl:param name="text"/>
    <xsl:param name="prefix"/>
    <xsl:param name="indent"/>
    <xsl:variable name="len">
      <xsl:call-template name="line-length">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="avail" select="$w - string-length($prefix)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="concat($prefix, substring($text, 1, $len), $NL)"/>
    <xsl:if test="string-length($text) > $len + 1">
      <xsl:call-template name="wrap-lines">
        <xsl:with-param name="text" select="substring($text, $len + 2)"/>
        <xsl:with-param name="prefix" select="$indent"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- How many characters of $text its first $k wrapped lines take (without the space
       after the last of them). -->
  <xsl:template name="consumed">
    <xsl:param name="text"/>
    <xsl:param name="prefix"/>
    <xsl:param name="indent"/>
    <xsl:param name="k"/>
    <xsl:variable name="len">
      <xsl:call-template name="line-length">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="avail" select="$w - string-length($prefix)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$k > 1 and string-length($text) > $len + 1">
        <xsl:variable name="more">
          <xsl:call-template name="consumed">
            <xsl:with-param name="text" select="substring($text, $len + 2)"/>
            <xsl:with-param name="prefix" select="$indent"/>
            <xsl:with-param name="indent" select="$indent"/>
            <xsl:with-param name="k" select="$k - 1"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="$len + 1 + $more"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$len"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The length of the first line of $text when $avail columns are free: all of it when
       it fits (or wrapping is off), else up to the last space that fits, else (a word
       longer than the line) the first word. -->
  <xsl:template name="line-length">
    <xsl:param name="text"/>
    <xsl:param name="avail"/>
    <xsl:choose>
      <xsl:when test="not($w > 0) or string-length($text) &lt;= $avail">
        <xsl:value-of select="string-length($text)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cut">
          <xsl:call-template name="last-space">
            <xsl:with-param name="s" select="substring($text, 1, $avail + 1)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$cut > 1"><xsl:value-of select="$cut - 1"/></xsl:when>
          <xsl:when test="contains($text, ' ')"><xsl:value-of select="string-length(substring-before($text, ' '))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="string-length($text)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The position of the last space in $s (0 when there is none). -->
  <xsl:template name="last-space">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, ' ')">
        <xsl:variable name="after">
          <xsl:call-template name="last-space">
            <xsl:with-param name="s" select="substring-after($s, ' ')"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="string-length(substring-before($s, ' ')) + 1 + $after"/>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
