<?xml version="1.0" encoding="UTF-8"?>
<!--
  dc.xsl: a teikit TEI document as an OAI-PMH Dublin Core record (oai_dc:dc).

  Elements, in this order, each only when the document has what it needs:
    dc:title        the title (titleStmt/title)
    dc:creator      each sender (persName, orgName, name ... of correspAction type="sent");
                    without a sender, the authors of the titleStmt
    dc:contributor  each translator (names of a respStmt whose resp is a translation,
                    in the titleStmt, else in the citation)
    dc:date         the ISO date of creation (creation/date/@when, else the citation's
                    date's @when)
    dc:description  the summary (abstract), its paragraphs separated by line breaks
    dc:language     each language code (langUsage/language/@ident)
    dc:identifier   the document's URL (publicationStmt/idno type="URI")
    dc:source       the citation's full text (sourceDesc/bibl)
    dc:publisher    the publisher (publicationStmt/publisher, else distributor)
    dc:type         Text
    dc:format       text/xml
  dc:subject, dc:relation, dc:coverage and dc:rights are not written.

  Parameters: none.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                exclude-result-prefixes="tei">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="fd" select="$header/tei:fileDesc"/>
  <xsl:variable name="pd" select="$header/tei:profileDesc"/>
  <xsl:variable name="bibl" select="$fd/tei:sourceDesc/tei:bibl[1]"/>

  <xsl:template match="/">
    <xsl:variable name="agents" select="'|persName|orgName|name|roleName|rs|'"/>
    <xsl:variable name="senders" select="$pd/tei:correspDesc/tei:correspAction[@type = 'sent']/*[contains($agents, concat('|', local-name(), '|'))]"/>
    <xsl:variable name="tt" select="$fd/tei:titleStmt/tei:respStmt[contains(translate(tei:resp, 'T', 't'), 'translat')]/*[not(self::tei:resp or self::tei:note)]"/>
    <xsl:variable name="bt" select="$bibl/tei:respStmt[contains(translate(tei:resp, 'T', 't'), 'translat')]/*[not(self::tei:resp or self::tei:note)]"/>
    <xsl:variable name="date" select="($pd/tei:creation//tei:date[@when] | $bibl/tei:date[@when][not(@type = 'publication')])[1]"/>
    <xsl:variable name="url" select="($fd/tei:publicationStmt/tei:idno[translate(@type, 'URIL', 'uril') = 'uri' or translate(@type, 'URL', 'url') = 'url'] | $bibl//tei:ref/@target)[1]"/>

    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:for-each select="$fd/tei:titleStmt/tei:title[1]">
        <dc:title><xsl:call-template name="text"/></dc:title>
      </xsl:for-each>
      <xsl:for-each select="$senders | $fd/tei:titleStmt/tei:author[not($senders)]">
        <dc:creator><xsl:call-template name="text"/></dc:creator>
      </xsl:for-each>
      <xsl:for-each select="$tt | $bt[not($tt)]">
        <dc:contributor><xsl:call-template name="text"/></dc:contributor>
      </xsl:for-each>
      <xsl:if test="$date">
        <dc:date><xsl:value-of select="normalize-space($date/@when)"/></dc:date>
      </xsl:if>
      <xsl:if test="normalize-space($pd/tei:abstract)">
        <dc:description>
          <xsl:for-each select="$pd/tei:abstract/*[normalize-space()]">
            <xsl:if test="position() > 1"><xsl:text>&#10;</xsl:text></xsl:if>
            <xsl:call-template name="text"/>
          </xsl:for-each>
        </dc:description>
      </xsl:if>
      <xsl:for-each select="$pd/tei:langUsage/tei:language[normalize-space(@ident)]">
        <!-- each code once -->
        <xsl:if test="not(preceding-sibling::tei:language[normalize-space(@ident) = normalize-space(current()/@ident)])">
          <dc:language><xsl:value-of select="normalize-space(@ident)"/></dc:language>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$url">
        <dc:identifier><xsl:value-of select="normalize-space($url)"/></dc:identifier>
      </xsl:if>
      <xsl:for-each select="$bibl">
        <dc:source><xsl:call-template name="text"/></dc:source>
      </xsl:for-each>
      <xsl:for-each select="($fd/tei:publicationStmt/tei:publisher | $fd/tei:publicationStmt/tei:distributor[not(../tei:publisher)])[normalize-space()]">
        <dc:publisher><xsl:call-template name="text"/></dc:publisher>
      </xsl:for-each>
      <dc:type>Text</dc:type>
      <dc:format>text/xml</dc:format>
    </oai_dc:dc>
  </xsl:template>

  <!-- The normalised text of the context element, notes left out, a line break a space. -->
  <xsl:template name="text">
    <xsl:variable name="t"><xsl:apply-templates mode="text"/></xsl:variable>
    <xsl:value-of select="normalize-space($t)"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="text"/>
  <xsl:template match="tei:lb" mode="text"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:p | tei:item | tei:head" mode="text">
    <xsl:text> </xsl:text><xsl:apply-templates mode="text"/><xsl:text> </xsl:text>
  </xsl:template>

</xsl:stylesheet>
