<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → the plain transcript format that `teikit convert` reads.

  The result is written so that converting it again gives back the same TEI, byte for
  byte: every structure the converter recognises is spelt the way the converter expects
  it (bold date and title lines, **Field:** blocks, opener lines, NAME. speeches, numbered
  and bulleted lists, list heads, closers, [n] footnote anchors and definitions, and the
  bracket conventions of editorialDecl). Characters that would otherwise be read as markup
  (\ * [ <) are escaped with a backslash.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="tei str">

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- A line end that the reader takes as a hard break (two trailing spaces). -->
  <xsl:variable name="br" select="'  &#10;'"/>
  <!-- The end of a block: a blank line. -->
  <xsl:variable name="end" select="'&#10;&#10;'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="tei:TEI">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="document" select="tei:text/tei:body/tei:div[@type = 'document'][1]"/>
    <!-- Date and title lines. -->
    <xsl:for-each select="$header/tei:profileDesc/tei:creation/tei:date[1]">
      <xsl:value-of select="concat('**', normalize-space(.), '**', $end)"/>
    </xsl:for-each>
    <xsl:choose>
      <xsl:when test="$document/tei:head[not(@type)]">
        <xsl:text>**</xsl:text>
        <xsl:apply-templates select="$document/tei:head[not(@type)][1]/node()" mode="raw"/>
        <xsl:value-of select="concat('**', $end)"/>
      </xsl:when>
      <xsl:when test="normalize-space($header/tei:fileDesc/tei:titleStmt/tei:title)">
        <xsl:value-of select="concat('**', normalize-space($header/tei:fileDesc/tei:titleStmt/tei:title), '**', $end)"/>
      </xsl:when>
    </xsl:choose>
    <!-- Metadata fields. -->
    <xsl:for-each select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]">
      <xsl:value-of select="concat('**Citation:**', $end)"/>
      <xsl:apply-templates mode="citation"/>
      <xsl:value-of select="$end"/>
    </xsl:for-each>
    <xsl:for-each select="$header/tei:profileDesc/tei:abstract[1]/tei:p[1]">
      <xsl:value-of select="concat('**Summary:**', $end)"/>
      <xsl:apply-templates mode="inline"/>
      <xsl:value-of select="$end"/>
    </xsl:for-each>
    <xsl:variable name="originals" select="$header/tei:profileDesc/tei:langUsage/tei:language[@n = 'original']"/>
    <xsl:if test="$originals">
      <xsl:value-of select="concat('**Original Language:**', $end)"/>
      <xsl:for-each select="$originals">
        <xsl:if test="position() &gt; 1">
          <xsl:value-of select="$br"/>
        </xsl:if>
        <xsl:value-of select="normalize-space(.)"/>
      </xsl:for-each>
      <xsl:value-of select="$end"/>
    </xsl:if>
    <xsl:for-each select="$header/tei:fileDesc/tei:notesStmt/tei:note[@type = 'field']">
      <xsl:value-of select="concat('**', normalize-space(tei:label), ':**', $end)"/>
      <xsl:apply-templates select="node()[not(self::tei:label)]" mode="raw"/>
      <xsl:value-of select="$end"/>
    </xsl:for-each>
    <!-- The body, then the footnote definitions. -->
    <xsl:apply-templates select="$document/node()[not(self::tei:head[not(@type)])]" mode="block"/>
    <xsl:for-each select="tei:text//tei:note[@place = 'foot' or @place = 'end']">
      <xsl:value-of select="concat('[', @n, '] ')"/>
      <xsl:choose>
        <xsl:when test="tei:p">
          <xsl:for-each select="tei:p">
            <xsl:apply-templates mode="inline"/>
            <xsl:value-of select="$end"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates mode="inline"/>
          <xsl:value-of select="$end"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== Raw text (title, fields): no escaping; lb is a hard break. ===== -->

  <xsl:template match="text()" mode="raw">
    <xsl:value-of select="str:replace(., '&#10;', ' ')"/>
  </xsl:template>
  <xsl:template match="tei:lb" mode="raw">
    <xsl:value-of select="$br"/>
  </xsl:template>
  <xsl:template match="tei:note[@type = 'field']/text()[1]" mode="raw">
    <xsl:value-of select="substring-after(., ' ')"/>
  </xsl:template>

  <!-- ===== The citation: its text as written, the URL in angle brackets. ===== -->

  <xsl:template match="text()" mode="citation">
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="tei:ref" mode="citation">
    <xsl:value-of select="concat('&lt;', @target, '&gt;')"/>
  </xsl:template>

  <!-- ===== Blocks ===== -->

  <xsl:template match="text()" mode="block"/>
  <xsl:template match="tei:note" mode="block"/>

  <xsl:template match="tei:div" mode="block">
    <xsl:apply-templates mode="block"/>
  </xsl:template>

  <xsl:template match="tei:head" mode="block">
    <xsl:apply-templates mode="inline"/>
    <xsl:value-of select="$end"/>
  </xsl:template>

  <!-- Each opener line is a block of its own; the reader gathers them again. -->
  <xsl:template match="tei:opener" mode="block">
    <xsl:for-each select="*">
      <xsl:apply-templates mode="inline"/>
      <xsl:value-of select="$end"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:p" mode="block">
    <xsl:apply-templates mode="inline"/>
    <xsl:value-of select="$end"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="block">
    <xsl:value-of select="concat('[Page ', @n, ']', $end)"/>
  </xsl:template>

  <xsl:template match="tei:sp" mode="block">
    <xsl:apply-templates select="tei:speaker/node()" mode="inline"/>
    <xsl:text> </xsl:text>
    <xsl:for-each select="tei:p">
      <xsl:apply-templates mode="inline"/>
      <xsl:value-of select="$end"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:list" mode="block">
    <xsl:if test="tei:head">
      <xsl:apply-templates select="tei:head/node()" mode="inline"/>
      <xsl:value-of select="$end"/>
    </xsl:if>
    <xsl:variable name="bullet">
      <xsl:choose>
        <xsl:when test="@rend = 'asterisk'">* </xsl:when>
        <xsl:when test="@rend = 'bullet'">• </xsl:when>
        <xsl:when test="@rend = 'endash'">– </xsl:when>
        <xsl:when test="@type = 'bulleted'">- </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="tei:item">
      <xsl:if test="position() &gt; 1">
        <xsl:value-of select="$br"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@n">
          <xsl:value-of select="concat(@n, '. ')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$bullet"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="inline"/>
    </xsl:for-each>
    <xsl:value-of select="$end"/>
  </xsl:template>

  <xsl:template match="tei:closer" mode="block">
    <xsl:for-each select="tei:salute">
      <xsl:apply-templates mode="inline"/>
      <xsl:value-of select="$end"/>
    </xsl:for-each>
    <xsl:for-each select="tei:signed">
      <xsl:apply-templates mode="inline"/>
      <xsl:value-of select="$end"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Anything else at block level: its text as a paragraph. -->
  <xsl:template match="*" mode="block">
    <xsl:apply-templates mode="inline"/>
    <xsl:value-of select="$end"/>
  </xsl:template>

  <!-- ===== Inline content ===== -->

  <!-- Text, with the reader's markup characters escaped. The closing quote of a quoted
       phrase marked [sic] is written by the sic template, before the mark. -->
  <xsl:template match="text()" mode="inline">
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="preceding-sibling::node()[1][self::tei:sic] and starts-with(., '&quot;')
                        and substring(preceding-sibling::node()[2][self::text()],
                                      string-length(preceding-sibling::node()[2])) = '&quot;'">
          <xsl:value-of select="substring(., 2)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="."/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="str:replace(str:replace(str:replace(str:replace(str:replace($text,
        '\', '\\'), '*', '\*'), '[', '\['), '&lt;', '\&lt;'), '&#10;', ' ')"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:value-of select="$br"/>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = 'bold']" mode="inline">
    <xsl:text>**</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>**</xsl:text>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = 'italic']" mode="inline">
    <xsl:text>*</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>*</xsl:text>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = 'superscript']" mode="inline">
    <xsl:text>&lt;sup&gt;</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>&lt;/sup&gt;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = 'subscript']" mode="inline">
    <xsl:text>&lt;sub&gt;</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>&lt;/sub&gt;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:ref[@target]" mode="inline">
    <xsl:choose>
      <xsl:when test="string(.) = @target">
        <xsl:value-of select="concat('&lt;', @target, '&gt;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>[</xsl:text>
        <xsl:apply-templates mode="inline"/>
        <xsl:value-of select="concat('](', @target, ')')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:note" mode="inline">
    <xsl:value-of select="concat('[', @n, ']')"/>
  </xsl:template>

  <xsl:template match="tei:sic" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:if test="starts-with(following-sibling::node()[1][self::text()], '&quot;')
                  and substring(preceding-sibling::node()[1][self::text()],
                                string-length(preceding-sibling::node()[1])) = '&quot;'">
      <xsl:text>"</xsl:text>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="@rend = 'caps'"> [SIC]</xsl:when>
      <xsl:otherwise> [sic]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="inline">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap" mode="inline">
    <xsl:choose>
      <xsl:when test="@reason = 'omitted'">[...]</xsl:when>
      <xsl:when test="@quantity">
        <xsl:value-of select="concat('[', @quantity, ' ', @unit, ' ', @reason, ']')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('[', @reason, ']')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:value-of select="concat('[Page ', @n, ']')"/>
  </xsl:template>

  <xsl:template match="tei:vocal | tei:incident" mode="inline">
    <xsl:value-of select="concat('[', normalize-space(tei:desc), ']')"/>
  </xsl:template>

  <!-- Names, dates, segments: their content. -->
  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

</xsl:stylesheet>
